import BudgetScheduler
import ConnectorCore
import Definitions
import Foundation
import HTTPTransport
import ImportEngine
import SalesforceAPI
import SalesforceAuth

/// `sfconnect estimate JOB` for an import job: counts each object's records (`SELECT COUNT()`
/// with the job's `since`, and the records changed in the last day and week), reads `/limits`,
/// and hands the volumes to ``ImportEstimator``. Every call it makes is counted and reported.
/// Checked against real imports on the simulator at three sizes (Tests/ImportEngineTests/EstimateAccuracyTests).
public struct EstimateJob: Sendable {
    public var jobFile: String
    public var environment: [String: String]
    public var workingDirectory: String
    public var mappingsDirectory: String

    public init(jobFile: String, environment: [String: String], workingDirectory: String, mappingsDirectory: String = "mappings") {
        self.jobFile = jobFile
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.mappingsDirectory = mappingsDirectory
    }

    public func run(clock: any WallClock = SystemWallClock()) async throws -> EstimateReport {
        let now = clock.now()
        let job = try JobLoader.load(file: path(jobFile), now: now)
        let defaults = try MappingLoader.loadAll(directory: path(mappingsDirectory))
        let specs = try ImportJobSpecs.specs(for: job, defaults: defaults)
        guard !specs.isEmpty else {
            throw ImportError(.notAnImportJob, job: job.name,
                              "\(jobFile) is neither an import nor an export job; `sfconnect estimate` estimates kind: import, import_custom_object and export_audiences jobs.")
        }
        let auth = try AuthorizationLoader.locate(path(jobFile), environment: environment, workingDirectory: workingDirectory).authorization
        let transport = CurlTransport(configuration: TransportConfiguration(caFile: auth.caFile, environment: environment))
        defer { transport.closeIdleConnections() }
        let tokens = try TokenProvider(authorization: auth, transport: transport, clock: clock,
                                       refreshTokens: FileRefreshTokenStore(environment: environment, workingDirectory: workingDirectory))
        let gate = CountingGate(wrapping: UnmeteredGate())
        let client = SalesforceClient(configuration: .init(apiVersion: auth.apiVersion), transport: transport, tokens: tokens,
                                      gate: gate, purpose: CallPurpose(job: job.name, priority: .importing), clock: clock)
        return try await Self.estimate(job: job, specs: specs, client: client, calls: { gate.calls }, now: now)
    }

    /// Counts the volumes through `client` and computes the report; `calls` reads how many
    /// calls the client has made so far (the estimate's own cost).
    public static func estimate(job: JobDefinition, specs: [ObjectImportSpec], client: SalesforceClient,
                                calls: @Sendable () -> Int, now: Date) async throws -> EstimateReport {
        let before = calls()
        let limits = try await client.limits()
        var volumes: [ObjectVolume] = []
        for spec in specs {
            let ts = spec.planner.timestampField
            let base = "SELECT COUNT() FROM \(spec.object)"
            let records = try await client.count(base + (spec.windows.since.map { " WHERE \(ts) >= \(SalesforceDate.format($0))" } ?? ""))
            let day = try await client.count(base + " WHERE \(ts) >= \(SalesforceDate.format(now.addingTimeInterval(-86_400)))")
            let week = try await client.count(base + " WHERE \(ts) >= \(SalesforceDate.format(now.addingTimeInterval(-7 * 86_400)))")
            volumes.append(ObjectVolume(object: spec.object, records: records, changedLastDay: day, changedLastWeek: week))
        }
        var model = ImportCallModel()
        model.bulkThreshold = specs.first?.api.bulkThreshold ?? model.bulkThreshold
        // What the import engine spends per object before reading: one describe and one `SELECT COUNT()`.
        model.planCallsPerObject = 2
        let usage = limits.dailyAPIRequests
        let input = ImportEstimateInput(
            job: job.name, objects: volumes, frequency: frequency(of: job), maxDailyAPICalls: job.maxDailyAPICalls,
            dailyLimit: usage?.max, otherIntegrationsDailyUse: usage?.used ?? 0, model: model, estimateCalls: calls() - before)
        return ImportEstimator.estimate(input)
    }

    static func frequency(of job: JobDefinition) -> ImportFrequency? {
        guard let f = RunJob.schedule(of: job)?.frequency else { return nil }
        return ImportFrequency(rawValue: f.rawValue)
    }

    func path(_ p: String) -> String { p.hasPrefix("/") ? p : (workingDirectory as NSString).appendingPathComponent(p) }
}
