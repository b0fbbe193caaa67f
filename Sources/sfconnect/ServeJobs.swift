import ConnectorCore
import Definitions
import Foundation
import ImportEngine
import Logging
import Prometheus
import SalesforceConnector
import Store
import Synchronization

/// The jobs of a `serve` folder: what runs, what was defined, and their live status.
final class ServeJobs: Sendable {
    /// How the service runs one job file.
    enum Service: Sendable {
        case importJob(RunJob)
        case exportJob(RunExport)
        case audience
    }

    struct Entry: Sendable {
        var file: String
        var name: String
        var kind: String
        var service: Service
    }

    let entries: [Entry]
    let storePath: String
    let mappingsDirectory: String
    let registry = PrometheusCollectorRegistry()
    let status = Mutex<[String: String]>([:])
    let logger: Logger

    init(jobsDirectory: String, mappingsDirectory: String, storePath: String, environment: [String: String],
         workingDirectory: String, logger: Logger) throws {
        let dir = jobsDirectory.hasPrefix("/") ? jobsDirectory : workingDirectory + "/" + jobsDirectory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            throw CommandFailure("Cannot read the jobs folder \(dir); check --jobs.")
        }
        let store = try Store(path: storePath)
        let maps = mappingsDirectory.hasPrefix("/") ? mappingsDirectory : workingDirectory + "/" + mappingsDirectory
        if FileManager.default.fileExists(atPath: maps) { try store.registerFields(MappingFiles.load(maps).flatMap(\.fields)) }
        var entries: [Entry] = []
        for name in names.sorted() where name.hasSuffix(".yaml") {
            let file = dir + "/" + name
            let job = try JobLoader.load(file: file, now: Date())
            switch job {
            case .importObjects, .importCustomObject:
                entries.append(Entry(file: name, name: job.name, kind: "import", service: .importJob(RunJob(
                    jobFile: file, once: false, storePath: storePath, environment: environment,
                    workingDirectory: workingDirectory, mappingsDirectory: maps))))
            case .exportAudiences:
                entries.append(Entry(file: name, name: job.name, kind: "export", service: .exportJob(RunExport(
                    jobFile: file, once: false, storePath: storePath, environment: environment, workingDirectory: workingDirectory))))
            case .audience(let a):
                _ = try store.defineAudience(ResolvedAudience(a))
                entries.append(Entry(file: name, name: job.name, kind: "audience", service: .audience))
            }
        }
        self.entries = entries
        self.storePath = storePath
        self.mappingsDirectory = maps
        self.logger = logger
        status.withLock { s in
            for e in entries {
                switch e.service {
                case .importJob, .exportJob: s[e.name] = "starting"
                case .audience: s[e.name] = "defined"
                }
            }
        }
    }

    /// Runs every import job on its schedule and every export job in real time until cancelled;
    /// imports stop after the page in flight, exports after the batch in flight.
    func runJobs() async {
        await withTaskGroup(of: Void.self) { group in
            for e in entries {
                if case .exportJob(let job) = e.service {
                    group.addTask { [self] in await runExport(job, entry: e) }
                    continue
                }
                guard case .importJob(let job) = e.service else { continue }
                group.addTask { [self] in
                    let records = registry.makeGauge(descriptor: .sfconnect("sfconnect_import_records_done"), labels: [("job", e.name)])
                    let calls = registry.makeGauge(descriptor: .sfconnect("sfconnect_import_api_calls"), labels: [("job", e.name)])
                    status.withLock { $0[e.name] = "running" }
                    do {
                        let report = try await job.run(logger: logger) { p in
                            records.record(Int64(p.done))
                            calls.record(Int64(p.apiCalls))
                        }
                        // A pass that ended failed (e.g. a field the org lacks) is a job error as much as a throw.
                        if case .failed? = report?.outcome {
                            registry.makeCounter(descriptor: .sfconnect("sfconnect_job_errors_total"), labels: [("job", e.name)]).increment()
                        }
                        status.withLock { $0[e.name] = report.map { "\($0.outcome)" } ?? "stopped" }
                    } catch {
                        registry.makeCounter(descriptor: .sfconnect("sfconnect_job_errors_total"), labels: [("job", e.name)]).increment()
                        status.withLock { $0[e.name] = "failed: \(error)" }
                    }
                }
            }
        }
    }
}

extension ServeJobs {
    /// One export job in real time, its running totals as gauges.
    func runExport(_ job: RunExport, entry e: Entry) async {
        let labels = [("job", e.name)]
        let sent = registry.makeGauge(descriptor: .sfconnect("sfconnect_export_records_sent"), labels: labels)
        let rejected = registry.makeGauge(descriptor: .sfconnect("sfconnect_export_records_rejected"), labels: labels)
        let pending = registry.makeGauge(descriptor: .sfconnect("sfconnect_export_records_pending"), labels: labels)
        let calls = registry.makeGauge(descriptor: .sfconnect("sfconnect_export_api_calls"), labels: labels)
        status.withLock { $0[e.name] = "running" }
        do {
            let report = try await job.run(logger: logger) { total in
                sent.record(Int64(total.sent))
                rejected.record(Int64(total.rejected))
                pending.record(Int64(total.pending))
                calls.record(Int64(total.apiCalls))
                self.status.withLock { $0[e.name] = total.outcome == .completed ? "running" : "\(total.outcome)" }
            }
            status.withLock { $0[e.name] = "stopped: \(report.outcome)" }
        } catch {
            registry.makeCounter(descriptor: .sfconnect("sfconnect_job_errors_total"), labels: labels).increment()
            status.withLock { $0[e.name] = "failed: \(error)" }
        }
    }
}
