import ConnectorCore
import Foundation
import Store

extension ExportRunner {
    /// Queues the job's rejected records again, built from each profile as it is now (so a
    /// profile fixed since then sends its fixed values), and forgets them; `drain` sends them.
    /// The entries are written before the rejected rows are removed, so a kill loses none.
    /// Returns how many were queued.
    @discardableResult
    public func requeueRejected() throws -> Int {
        let rejected = try store.rejectedRecords(job: job.name)
        guard !rejected.isEmpty else { return 0 }
        var entries: [OutboxEntry] = []
        for profileID in Set(rejected.map(\.profileID)).sorted() {
            do {
                if let entry = try entry(for: profileID, leaving: true, retrying: true) { entries.append(entry) }
            } catch let error as StoreError where error.kind == .notFound {
                continue  // the profile is gone; nothing is left to send for it
            }
        }
        try store.enqueueExports(entries)
        try store.clearRejected(ids: rejected.map(\.id))
        return entries.count
    }
}
