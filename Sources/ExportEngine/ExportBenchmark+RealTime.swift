import ConnectorCore
import Foundation
import Store
import Synchronization

extension ExportBenchmark {
    /// The real-time phase: a writer task changes one member's title per tick while this loop
    /// follows the change feed and drains, and notes when each change's export state shows it sent.
    struct RealTimeProbe: Sendable {
        struct Change: Sendable {
            var profileID: Int64
            var writtenAt: Date
            var hash: String
        }

        /// What the writer hands to the loop.
        final class Shared: Sendable {
            let written = Mutex<[Change]>([])
            let finished = Mutex(false)
        }

        let runner: ExportRunner
        let profiles: Int
        let changes: Int
        let perSecond: Double
        let timeout: TimeInterval
        let base: Date

        /// Latencies in milliseconds of the changes that reached Salesforce.
        func run() async throws -> [Double] {
            let shared = Shared()
            let writer = Task { [runner, profiles, changes, perSecond, base] in
                defer { shared.finished.withLock { $0 = true } }
                let start = Date()
                let step = max(1, profiles / changes)
                for k in 0..<changes {
                    let due = start.addingTimeInterval(Double(k) / max(0.001, perSecond))
                    let wait = due.timeIntervalSinceNow
                    if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
                    let i = (k * step) % profiles
                    try runner.store.appendPage(stream: ExportBenchmark.stream, object: "Lead",
                                                records: [ExportBenchmark.record(i, title: "Changed \(k)",
                                                                                 at: base.addingTimeInterval(Double(k + 1)))],
                                                mapping: ExportBenchmark.mapping)
                    let at = Date()
                    let profile = try runner.store.profile(email: "bench\(i)@example.com")
                    let change = Change(profileID: profile.id, writtenAt: at, hash: runner.builder.triggerHash(fields: profile.fields))
                    shared.written.withLock { $0.append(change) }
                }
            }
            var outstanding: [Change] = []
            var latencies: [Double] = []
            var lastProgress = Date()
            while true {
                outstanding += shared.written.withLock { list in defer { list.removeAll() }; return list }
                let writerDone = shared.finished.withLock { $0 }
                if writerDone, outstanding.isEmpty { break }
                if writerDone, Date().timeIntervalSince(lastProgress) > timeout { break }
                try runner.enqueueChanges()
                if try runner.store.pendingExportCount(job: runner.job.name) > 0 {
                    try await runner.drain()
                } else {
                    try await Task.sleep(for: .milliseconds(2))
                }
                guard !outstanding.isEmpty else { continue }
                let states = try runner.store.exportStates(job: runner.job.name, profileIDs: outstanding.map(\.profileID))
                outstanding.removeAll { change in
                    guard let s = states[change.profileID], s.status == .sent, s.triggerHash == change.hash,
                          let at = s.updatedAt else { return false }
                    latencies.append(max(0, at.timeIntervalSince(change.writtenAt) * 1000))
                    lastProgress = Date()
                    return true
                }
            }
            try await writer.value
            return latencies
        }
    }
}
