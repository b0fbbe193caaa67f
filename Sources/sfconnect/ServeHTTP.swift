import Foundation
import Hummingbird
import NIOCore
import Prometheus
import Store

/// The HTTP interface of `serve`: /healthz, /metrics, /jobs and POST /streams/{name}.
struct ServeHTTP: Sendable {
    let service: ServeJobs
    let token: String?

    func application(port: Int, onRunning: @escaping @Sendable (any Channel) async -> Void) -> some ApplicationProtocol {
        let router = Router()
        let latency = service.registry.makeDurationHistogram(descriptor: .sfconnect("sfconnect_http_request_duration_seconds"), labels: [],
            buckets: [.milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(2)])
        let service = self.service, token = self.token
        router.get("/healthz") { _, _ in timed(latency) { "ok\n" } }
        router.get("/jobs") { _, _ -> Response in
            let start = ContinuousClock.now
            defer { latency.record(ContinuousClock.now - start) }
            return json(.ok, Self.jobsJSON(service))
        }
        router.get("/metrics") { _, _ -> Response in
            let start = ContinuousClock.now
            defer { latency.record(ContinuousClock.now - start) }
            Self.refreshStoreGauges(service)
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: service.registry.emitToString())))
        }
        router.post("/streams/:name") { request, context -> Response in
            let start = ContinuousClock.now
            defer { latency.record(ContinuousClock.now - start) }
            guard let token else {
                return json(.forbidden, #"{"error":"Writes are refused: no token is configured; set SFCONNECT_SERVE_TOKEN or pass --token-file."}"#)
            }
            guard request.headers[.authorization] == "Bearer \(token)" else {
                return json(.unauthorized, #"{"error":"Missing or wrong bearer token; send Authorization: Bearer TOKEN."}"#)
            }
            let name = context.parameters.get("name") ?? ""
            let body = try await request.body.collect(upTo: 256 * 1024 * 1024)
            return Self.ingest(service, stream: name, body: Data(buffer: body))
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
                           onServerRunning: onRunning)
    }

    static func ingest(_ service: ServeJobs, stream: String, body: Data) -> Response {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sfc-serve-\(UUID().uuidString).ndjson").path
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        do {
            try body.write(to: URL(fileURLWithPath: tmp))
            guard let handle = FileHandle(forReadingAtPath: tmp) else { throw CommandFailure("The request body could not be buffered.") }
            defer { try? handle.close() }
            let ingest = try NDJSONIngest(store: try Store(path: service.storePath), stream: stream,
                                          mappings: try MappingFiles.load(service.mappingsDirectory))
            let r = try ingest.run(handle)
            service.registry.makeCounter(descriptor: .sfconnect("sfconnect_ingested_records_total"), labels: [("stream", stream)]).increment(by: Int64(r.stored))
            service.registry.makeCounter(descriptor: .sfconnect("sfconnect_rejected_records_total"), labels: [("stream", stream)]).increment(by: Int64(r.rejected.count))
            let rejected = r.rejected.map { #"{"line":\#($0.line),"reason":\#(quote($0.reason))}"# }.joined(separator: ",")
            return json(.ok, #"{"stream":\#(quote(stream)),"stored":\#(r.stored),"duplicates":\#(r.duplicates),"rejected":[\#(rejected)],"profiles_changed":\#(r.profilesChanged)}"#)
        } catch let e as StoreError where e.kind == .notFound {
            // No mapping names the stream: the resource does not exist.
            return json(.notFound, #"{"error":\#(quote(e.description))}"#)
        } catch {
            return json(.badRequest, #"{"error":\#(quote(String(describing: error)))}"#)
        }
    }

    static func jobsJSON(_ service: ServeJobs) -> String {
        let status = service.status.withLock { $0 }
        let rows = service.entries.map { e in
            #"{"file":\#(quote(e.file)),"name":\#(quote(e.name)),"kind":\#(quote(e.kind)),"status":\#(quote(status[e.name] ?? ""))}"#
        }
        return "{\"jobs\":[" + rows.joined(separator: ",") + "]}"
    }

    /// Records per stream and audience sizes, read from the store at scrape time.
    static func refreshStoreGauges(_ service: ServeJobs) {
        guard let store = try? Store(path: service.storePath) else { return }
        for s in (try? store.streams()) ?? [] {
            service.registry.makeGauge(descriptor: .sfconnect("sfconnect_stream_records"), labels: [("stream", s.name)]).record(Int64(s.recordCount))
        }
        for a in (try? store.audiences()) ?? [] {
            service.registry.makeGauge(descriptor: .sfconnect("sfconnect_audience_members"), labels: [("audience", a.name)]).record(Int64(a.size))
        }
        refreshBudgetGauges(service, store: store)
    }

    /// Per org, the budget's and Salesforce's remaining calls as last observed; per job, the
    /// calls it spent in the last 24 hours (the persisted ledger all of the org's jobs share).
    static func refreshBudgetGauges(_ service: ServeJobs, store: Store) {
        let since = Date().addingTimeInterval(-86_400)
        var orgs = Set<String>()
        for e in service.entries where e.kind != "audience" {
            guard let org = try? store.jobOrg(job: e.name) else { continue }
            orgs.insert(org)
            let calls = ((try? store.apiCalls(org: org, since: since)) ?? []).filter { $0.job == e.name }.reduce(0) { $0 + $1.count }
            service.registry.makeGauge(descriptor: .sfconnect("sfconnect_job_api_calls_24h_calls"), labels: [("job", e.name)])
                .record(Int64(calls))
        }
        for org in orgs.sorted() {
            guard let usage = try? store.orgUsage(org: org) else { continue }
            if let n = usage.budgetRemaining {
                service.registry.makeGauge(descriptor: .sfconnect("sfconnect_budget_remaining_calls"), labels: [("org", org)]).record(Int64(n))
            }
            if let n = usage.salesforceRemaining {
                service.registry.makeGauge(descriptor: .sfconnect("sfconnect_salesforce_remaining_calls"), labels: [("org", org)]).record(Int64(n))
            }
        }
    }
}

private func timed(_ h: DurationHistogram, _ body: () -> String) -> String {
    let start = ContinuousClock.now
    defer { h.record(ContinuousClock.now - start) }
    return body()
}

private func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
}

private func quote(_ s: String) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: [s], options: [.fragmentsAllowed])) ?? Data("[\"\"]".utf8)
    return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
}

extension MetricNameDescriptor {
    /// `sfconnect_<base>_<unit>` from the full name; the help text is the name in words.
    static func sfconnect(_ full: String) -> MetricNameDescriptor {
        var parts = full.split(separator: "_").map(String.init)
        let unit = parts.removeLast()
        parts.removeFirst()
        return MetricNameDescriptor(namespace: "sfconnect", metricName: parts.joined(separator: "_"), unitName: unit,
                                    helpText: parts.joined(separator: " ") + " (" + unit + ")")
    }
}
