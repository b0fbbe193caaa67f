import ConnectorCore
import Foundation
import SalesforceAPI
import Store

/// `sfconnect bench export`: the audience-export backfill and real-time path, measured.
///
/// It seeds `profiles` profiles (one stream record each, with email, last name, company and
/// title) in a temporary store, all members of one audience, and exports them to Lead with no
/// match field (create, then update by the remembered Id) through the given client: the
/// backfill (`enqueueMembers` + `drain`), then a real-time phase in which `changes` title
/// changes (the trigger field), each to a different member, are written to the store at
/// `changesPerSecond` while a loop reads the change feed and drains. A change's latency runs
/// from its store write returning to its export state being saved, right after the
/// Salesforce write that carries it returned. The benchmark starts nothing itself: the caller
/// passes a client (usually against an in-process simulator) and a counter of its API calls.
public enum ExportBenchmark {
    /// What to measure.
    public struct Options: Sendable {
        public var profiles: Int
        /// `auto`, `rest` or `bulk`, as the job key `api`.
        public var api: APIMode
        /// Real-time changes (at most one per profile; 0 skips the phase).
        public var changes: Int
        public var changesPerSecond: Double
        /// The real-time phase gives up on changes not sent this long after the last write.
        public var realtimeTimeout: TimeInterval

        public init(profiles: Int, api: APIMode = .auto, changes: Int = 200, changesPerSecond: Double = 20,
                    realtimeTimeout: TimeInterval = 60) {
            self.profiles = profiles
            self.api = api
            self.changes = changes
            self.changesPerSecond = changesPerSecond
            self.realtimeTimeout = realtimeTimeout
        }
    }

    /// The numbers.
    public struct Result: Sendable {
        public var profiles: Int
        public var seedSeconds: Double
        /// How the backfill's first round went (Collections or Bulk).
        public var backfillPath: ExportSendPath
        public var backfillSeconds: Double
        public var backfillCalls: Int
        public var sent: Int
        public var rejected: Int
        public var changes: Int
        public var changesSent: Int
        public var realtimeCalls: Int
        /// Change-to-Salesforce latency in milliseconds (nil without a real-time phase).
        public var latencyP50Ms: Double?
        public var latencyP99Ms: Double?
        public var latencyMaxMs: Double?

        public var recordsPerSecond: Double { backfillSeconds > 0 ? Double(sent) / backfillSeconds : 0 }

        /// `key: value` lines for the CLI.
        public var lines: [String] {
            func ms(_ v: Double?) -> String { v.map { String(format: "%.1f", $0) } ?? "n/a" }
            return ["profiles: \(profiles)", String(format: "seed_seconds: %.2f", seedSeconds),
                    "backfill_api: \(backfillPath.rawValue)", String(format: "backfill_seconds: %.2f", backfillSeconds),
                    "backfill_api_calls: \(backfillCalls)", String(format: "records_per_second: %.0f", recordsPerSecond),
                    "sent: \(sent)", "rejected: \(rejected)", "realtime_changes: \(changes)",
                    "realtime_sent: \(changesSent)", "realtime_api_calls: \(realtimeCalls)",
                    "latency_p50_ms: \(ms(latencyP50Ms))", "latency_p99_ms: \(ms(latencyP99Ms))",
                    "latency_max_ms: \(ms(latencyMaxMs))"]
        }
    }

    static let stream = "bench_leads"
    static let audience = "bench_members"
    static let mapping: [FieldMapping] = [
        FieldMapping(source: "email", salesforceField: "Email", userField: "email", type: .string, isUniqueID: true),
        FieldMapping(source: "last", salesforceField: "LastName", userField: "last_name", type: .string),
        FieldMapping(source: "company", salesforceField: "Company", userField: "company", type: .string),
        FieldMapping(source: "title", salesforceField: "Title", userField: "title", type: .string),
    ]

    /// The export job the benchmark runs.
    static func job(api: APIMode) -> ExportAudiencesJob {
        ExportAudiencesJob(name: "bench-export", source: SourceLocation(file: "bench", line: 1), label: "Benchmark",
                           authorization: .named("bench"), audiences: [audience], object: "Lead",
                           requiredFields: [FieldPair(profileField: "last_name", salesforceField: "LastName"),
                                            FieldPair(profileField: "company", salesforceField: "Company")],
                           extraFields: [FieldPair(profileField: "email", salesforceField: "Email"),
                                         FieldPair(profileField: "title", salesforceField: "Title")],
                           triggerFields: ["title"], api: api)
    }

    static func record(_ i: Int, title: String, at timestamp: Date) -> StreamRecord {
        StreamRecord(id: "b\(i)", timestamp: timestamp,
                     fields: ["email": .string("bench\(i)@example.com"), "last": .string("Bench \(i)"),
                              "company": .string("Bench"), "title": .string(title)])
    }

    /// Runs the benchmark in a temporary store that is removed afterwards.
    /// - Parameter apiCalls: API calls the client made so far (a counting gate, the simulator's counter).
    /// - Throws: ``ExportError`` when Lead does not fit the job, ``SalesforceError`` or ``StoreError``
    ///   when a step fails.
    public static func run(client: SalesforceClient, apiCalls: @escaping @Sendable () async -> Int,
                           options: Options) async throws -> Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sfconnect-bench-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: dir.appendingPathComponent("store.sqlite").path)
        let seedStart = Date()
        let base = Date(timeIntervalSince1970: 1_767_225_600)
        var start = 0
        while start < options.profiles {
            let end = min(options.profiles, start + 5_000)
            try store.appendPage(stream: stream, object: "Lead",
                                 records: (start..<end).map { record($0, title: "Title \($0)", at: base) }, mapping: mapping)
            start = end
        }
        try store.defineAudience(ResolvedAudience(name: audience, selection: .expression("company = 'Bench'")))
        let seedSeconds = Date().timeIntervalSince(seedStart)

        let job = job(api: options.api)
        // The backfill's calls include the describe the plan needs.
        let callsBefore = await apiCalls()
        let plan = try ExportPlan.make(job: job, description: try await client.describe("Lead"))
        let runner = ExportRunner(job: job, plan: plan, client: client, store: store)
        try runner.startFeedAtLatest()
        let backfillStart = Date()
        let queued = try runner.enqueueMembers()
        let drained = try await runner.drain()
        let backfillSeconds = Date().timeIntervalSince(backfillStart)
        let callsAfter = await apiCalls()
        var result = Result(profiles: options.profiles, seedSeconds: seedSeconds, backfillPath: runner.sendPath(pending: queued),
                            backfillSeconds: backfillSeconds, backfillCalls: callsAfter - callsBefore, sent: drained.sent,
                            rejected: drained.rejected, changes: 0, changesSent: 0, realtimeCalls: 0)
        let changes = min(options.changes, options.profiles)
        guard changes > 0 else { return result }
        let latencies = try await RealTimeProbe(runner: runner, profiles: options.profiles, changes: changes,
                                                perSecond: options.changesPerSecond, timeout: options.realtimeTimeout,
                                                base: base).run()
        result.changes = changes
        result.changesSent = latencies.count
        result.realtimeCalls = await apiCalls() - callsAfter
        let sorted = latencies.sorted()
        result.latencyP50Ms = percentile(sorted, 0.50)
        result.latencyP99Ms = percentile(sorted, 0.99)
        result.latencyMaxMs = sorted.last
        return result
    }

    /// The nearest-rank percentile of ascending `values`.
    static func percentile(_ values: [Double], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let rank = Int((p * Double(values.count)).rounded(.up))
        return values[min(values.count, max(1, rank)) - 1]
    }
}
