import Foundation

/// The incremental cursor of one stream: a pure state machine, the runner owns the I/O.
///
/// A run fixes its signpost (run start minus the lag) and reads windows `[low, high)` of the
/// timestamp field, ordered by `(timestamp, Id)`. Each page's checkpoint comes from
/// ``checkpoint(afterPage:isLast:resumeToken:)`` and is committed with the page's records;
/// only then does ``committed(_:)`` advance the cursor. A window's end becomes
/// `completedHigh` only on its last page, so a checkpoint never runs ahead of the data.
public struct IncrementalCursor: Sendable {
    /// What to read next.
    public enum Action: Sendable, Hashable {
        /// Read this window; `isNew` when the run opened it (choose its API with ``use(api:)``).
        case read(PendingWindow, isNew: Bool)
        /// Everything up to the signpost is stored.
        case finished
    }

    public private(set) var checkpoint: ImportCheckpoint
    /// The run's upper bound: no row at or after it is read in this run.
    public let signpost: Date
    public let settings: WindowSettings

    public init(checkpoint: ImportCheckpoint?, runStart: Date, settings: WindowSettings = WindowSettings()) {
        self.checkpoint = checkpoint ?? ImportCheckpoint()
        // Whole seconds: SOQL datetime literals carry no fraction.
        self.signpost = Date(timeIntervalSince1970: (runStart.timeIntervalSince1970 - settings.lag).rounded(.down))
        self.settings = settings
    }

    /// Resumes the pending window, or opens the next one up to the signpost, or finishes.
    public mutating func next() -> Action {
        if let pending = checkpoint.pending { return .read(pending, isNew: false) }
        if let done = checkpoint.completedHigh, done >= signpost { return .finished }
        var low = checkpoint.completedHigh.map { $0.addingTimeInterval(-settings.lookback) }
        if let since = settings.since { low = max(low ?? since, since) }
        if let low, low >= signpost { return .finished }
        let window = PendingWindow(low: low, high: signpost, readsDeletes: checkpoint.completedHigh != nil)
        checkpoint.pending = window
        return .read(window, isNew: true)
    }

    /// Sets the API of a window the run just opened (before its first commit).
    public mutating func use(api: QueryAPI) {
        checkpoint.pending?.api = api
    }

    /// The checkpoint to commit together with a page whose rows have these keys (in the order
    /// returned). Checks that rows lie in the window and, for REST, that timestamps never go
    /// backwards (the sort check).
    /// - Throws: ``ImportError`` `.outOfOrder` when the source broke the order or the window.
    public func checkpoint(afterPage keys: [KeysetPosition], isLast: Bool,
                           resumeToken: String? = nil) throws(ImportError) -> ImportCheckpoint {
        guard var window = checkpoint.pending else { return checkpoint }
        var last = window.after
        for key in keys {
            if key.timestamp >= window.high || (window.low.map { key.timestamp < $0 } ?? false) {
                throw ImportError(.outOfOrder, detail: "row \(key.id) at \(key.timestamp)",
                                  "Salesforce returned a row outside the window being read; the page was not stored. Run the job again; if it repeats, report it with the job's object.")
            }
            if window.api == .rest, let prev = last, key.timestamp < prev.timestamp {
                throw ImportError(.outOfOrder, detail: "row \(key.id) at \(key.timestamp) after \(prev.timestamp)",
                                  "Salesforce returned rows out of timestamp order; the page was not stored. Run the job again; if it repeats, report it with the job's object.")
            }
            last = key
        }
        var next = checkpoint
        if window.api == .rest { window.after = last } else { window.resumeToken = resumeToken }
        if !isLast {
            next.pending = window
        } else if window.phase == .records, window.readsDeletes {
            window.phase = .deletes
            window.after = nil
            window.resumeToken = nil
            window.api = .rest
            next.pending = window
        } else {
            next.completedHigh = window.high
            next.pending = nil
        }
        return next
    }

    /// Records that `checkpoint` was committed with its page.
    public mutating func committed(_ checkpoint: ImportCheckpoint) {
        self.checkpoint = checkpoint
    }
}
