import ConnectorCore
import Foundation

extension Checkpoint.Phase {
    /// A first load read with Bulk API 2.0 (unordered: a resumed run re-reads the window and the
    /// store drops the versions it already has).
    public static let firstLoadBulk = Checkpoint.Phase(rawValue: "first_load_bulk")
    /// An incremental window read with Bulk API 2.0 (`api: bulk`).
    public static let incrementalBulk = Checkpoint.Phase(rawValue: "incremental_bulk")
}

extension ImportCheckpoint {
    /// The typed store checkpoint (ConnectorCore's `Checkpoint`) for this cursor state.
    ///
    /// `phase` says what is being read (`first_load`, `first_load_bulk`, `incremental`,
    /// `incremental_bulk`, `deletes`, or `complete`); `windowUpperBound` is the window's end
    /// (for `complete`: the end of the last full window); `timestamp`/`lastID` is the keyset of
    /// the last stored row, or the window's start with an empty `lastID` before the first row.
    public func stored(job: String, object: String) -> Checkpoint {
        guard let w = pending else {
            return Checkpoint(job: job, object: object, windowUpperBound: completedHigh, phase: .complete)
        }
        let phase: Checkpoint.Phase
        switch (w.phase, w.readsDeletes, w.api) {
        case (.deletes, _, _): phase = .deletes
        case (.records, false, .rest): phase = .firstLoad
        case (.records, false, .bulk): phase = .firstLoadBulk
        case (.records, true, .rest): phase = .incremental
        case (.records, true, .bulk): phase = .incrementalBulk
        }
        let position: (Date?, String?)
        if w.api == .rest, let after = w.after { position = (after.timestamp, after.id) }
        else if let low = w.low { position = (low, "") } else { position = (nil, nil) }
        return Checkpoint(job: job, object: object, timestamp: position.0, lastID: position.1,
                          windowUpperBound: w.high, phase: phase)
    }

    /// The cursor state a stored checkpoint describes; nil for none (or one without a window end).
    public init?(stored c: Checkpoint?) {
        guard let c, let high = c.windowUpperBound else { return nil }
        if c.phase == .complete { self.init(completedHigh: high); return }
        var low: Date?, after: KeysetPosition?
        if let t = c.timestamp {
            if let id = c.lastID, !id.isEmpty { after = KeysetPosition(timestamp: t, id: id) } else { low = t }
        }
        let bulk = c.phase == .firstLoadBulk || c.phase == .incrementalBulk
        let window = PendingWindow(low: low, high: high, phase: c.phase == .deletes ? .deletes : .records,
                                   after: bulk ? nil : after, api: bulk ? .bulk : .rest,
                                   readsDeletes: c.phase != .firstLoad && c.phase != .firstLoadBulk)
        self.init(completedHigh: nil, pending: window)
    }
}
