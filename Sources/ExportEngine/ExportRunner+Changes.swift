import ConnectorCore
import Foundation
import Store

extension ExportRunner {
    /// The change-feed consumer name of this job.
    public var consumer: String { "export:\(job.name)" }

    /// Reads the change feed from this job's saved position and enqueues the profiles whose
    /// exported audiences or trigger fields changed (other field changes send nothing), then
    /// saves the position. Entries are written before the position moves, so a kill loses nothing.
    /// Returns how many entries were enqueued.
    @discardableResult
    public func enqueueChanges() throws -> Int {
        var position = try store.consumerPosition(consumer)
        var total = 0
        let exported = Set(job.audiences)
        let triggers = Set(job.triggerFields)
        while true {
            let events = try store.changes(after: position)
            guard let last = events.last else { break }
            var ids = Set<Int64>()
            for event in events {
                switch event.kind {
                case .audienceEntered, .audienceExited:
                    if let a = event.audience, exported.contains(a) { ids.insert(event.profileID) }
                case .profileChanged, .profileCreated:
                    if event.fields.contains(where: triggers.contains) { ids.insert(event.profileID) }
                case .profileMerged:
                    ids.insert(event.profileID)
                default:
                    break
                }
            }
            let entries = try ids.sorted().compactMap { try entry(for: $0, leaving: true) }
            try store.enqueueExports(entries)
            total += entries.count
            position = last.sequence
            try store.saveConsumerPosition(consumer, position: position)
        }
        return total
    }

    /// Starts real time after a backfill: the feed position jumps to now (the backfill covered it).
    public func startFeedAtLatest() throws {
        try store.saveConsumerPosition(consumer, position: try store.latestChangeSequence())
    }
}
