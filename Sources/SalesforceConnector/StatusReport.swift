import ConnectorCore
import Definitions
import Foundation
import Store

/// `sfconnect status`: each job in a folder as the store last saw it. Reads only the job files
/// and the store; it makes no network call, so the org's remaining calls are the last known ones.
public struct StatusReport: Sendable, Codable, Hashable {
    public struct Job: Sendable, Codable, Hashable {
        public var job: String
        public var file: String
        /// running, paused, idle, failed, or never_run.
        public var state: String
        public var pausedUntil: Date?
        public var lastRunAt: Date?
        public var lastRunOutcome: String?
        /// `object: phase (timestamp, id)` per object.
        public var checkpoints: [String]
        public var callsLast24Hours: Int
        public var allotment: Int?
        public var org: String?
        public var orgDailyLimit: Int?
        /// Salesforce's remaining calls as last known, and when that was observed.
        public var orgRemaining: Int?
        public var orgBudgetRemaining: Int?
        public var orgObservedAt: Date?
    }

    public var at: Date
    public var jobs: [Job]
    /// Job files that could not be read, with the reason.
    public var skipped: [String]

    /// Reads every `*.yaml`/`*.yml` job in `folder` and its state in `store`.
    /// - Throws: ``StoreError`` when the store cannot be read; `CocoaError` when the folder cannot be listed.
    public static func make(folder: String, store: Store, now: Date) throws -> StatusReport {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var jobs: [Job] = [], skipped: [String] = []
        for f in files {
            let path = (folder as NSString).appendingPathComponent(f)
            guard let def = try? JobLoader.load(file: path, now: now) else {
                skipped.append("\(f): cannot be read as a job file; check it with `sfconnect validate \(path)`")
                continue
            }
            guard def.authorization != nil else { continue }    // an audience, not a job
            jobs.append(try job(name: def.name, file: f, allotment: def.maxDailyAPICalls, store: store, now: now))
        }
        return StatusReport(at: now, jobs: jobs, skipped: skipped)
    }

    static func job(name: String, file: String, allotment: Int?, store: Store, now: Date) throws -> Job {
        let state = try store.jobState(job: name)
        let run = try store.runs(job: name, limit: 1).first
        let org = try store.jobOrg(job: name)
        let usage = try org.flatMap { try store.orgUsage(org: $0) }
        let since = now.addingTimeInterval(-86_400)
        let calls = try org.map { try store.apiCalls(org: $0, since: since).filter { $0.job == name }.reduce(0) { $0 + $1.count } } ?? 0
        let checkpoints = try store.checkpoints(job: name).map { c in
            "\(c.object): \(c.phase)" + (c.timestamp.map { " at \(ISO8601DateFormatter().string(from: $0))" } ?? "")
                + (c.lastID.map { " id \($0)" } ?? "")
        }
        let paused = state?.state == .paused ? state?.pausedUntil : nil
        return Job(job: name, file: file, state: state?.state.rawValue ?? "never_run", pausedUntil: paused,
                   lastRunAt: run?.endedAt ?? run?.startedAt, lastRunOutcome: run?.state.rawValue, checkpoints: checkpoints,
                   callsLast24Hours: calls, allotment: allotment, org: org, orgDailyLimit: usage?.dailyLimit,
                   orgRemaining: usage?.salesforceRemaining, orgBudgetRemaining: usage?.budgetRemaining,
                   orgObservedAt: usage?.observedAt)
    }
}
