import ConnectorCore
import Foundation
import ImportEngine
import Testing

@Suite("IncrementalCursor")
struct CursorTests {
    let start = Fixtures.t0.addingTimeInterval(10_000.5)
    var signpost: Date { Fixtures.t0.addingTimeInterval(10_000 - 120) }
    func key(_ s: TimeInterval, _ id: String) -> KeysetPosition { KeysetPosition(timestamp: Fixtures.t0.addingTimeInterval(s), id: id) }

    @Test("a first run opens a window from the beginning up to run start minus the lag, in whole seconds")
    func firstWindow() {
        var c = IncrementalCursor(checkpoint: nil, runStart: start)
        #expect(c.next() == .read(PendingWindow(low: nil, high: signpost, readsDeletes: false), isNew: true))
    }

    @Test("since bounds the first window and the lookback never reaches before it")
    func since() {
        let since = Fixtures.t0.addingTimeInterval(9_800)
        var c = IncrementalCursor(checkpoint: ImportCheckpoint(completedHigh: Fixtures.t0.addingTimeInterval(9_850)),
                                  runStart: start, settings: WindowSettings(since: since))
        guard case .read(let w, _) = c.next() else { Issue.record("no window"); return }
        #expect(w.low == since)
        #expect(w.readsDeletes)
    }

    @Test("the next window starts at the last window's end minus the lookback")
    func lookback() {
        let done = Fixtures.t0.addingTimeInterval(5_000)
        var c = IncrementalCursor(checkpoint: ImportCheckpoint(completedHigh: done), runStart: start)
        guard case .read(let w, true) = c.next() else { Issue.record("no window"); return }
        #expect(w.low == done.addingTimeInterval(-300))
        #expect(w.high == signpost)
    }

    @Test("a page's checkpoint holds the last key; the window closes only on the last page")
    func pages() throws {
        var c = IncrementalCursor(checkpoint: nil, runStart: start)
        _ = c.next()
        let cp1 = try c.checkpoint(afterPage: [key(1, "a"), key(1, "b")], isLast: false)
        #expect(cp1.pending?.after == key(1, "b"))
        #expect(cp1.completedHigh == nil)
        #expect(c.checkpoint.pending?.after == nil, "nothing advances before the commit")
        c.committed(cp1)
        let cp2 = try c.checkpoint(afterPage: [key(2, "a")], isLast: true)
        #expect(cp2 == ImportCheckpoint(completedHigh: signpost, pending: nil))
        c.committed(cp2)
        #expect(c.next() == .finished)
    }

    @Test("an incremental window reads deletes after its live rows")
    func deletesPhase() throws {
        var c = IncrementalCursor(checkpoint: ImportCheckpoint(completedHigh: Fixtures.t0), runStart: start)
        _ = c.next()
        let cp = try c.checkpoint(afterPage: [key(10, "a")], isLast: true)
        #expect(cp.pending?.phase == .deletes)
        #expect(cp.pending?.after == nil)
        c.committed(cp)
        #expect(c.next() == .read(cp.pending!, isNew: false))
    }

    @Test("rows out of timestamp order or outside the window are refused")
    func sortCheck() throws {
        var c = IncrementalCursor(checkpoint: nil, runStart: start)
        _ = c.next()
        #expect(throws: ImportError.self) { try c.checkpoint(afterPage: [key(5, "a"), key(4, "b")], isLast: false) }
        #expect(throws: ImportError.self) { try c.checkpoint(afterPage: [key(10_000, "a")], isLast: false) }
    }

    @Test("a Bulk page keeps its resume token and no keyset")
    func bulk() throws {
        var c = IncrementalCursor(checkpoint: nil, runStart: start)
        _ = c.next()
        c.use(api: .bulk)
        let cp = try c.checkpoint(afterPage: [key(5, "a"), key(4, "b")], isLast: false, resumeToken: "750x/2")
        #expect(cp.pending?.resumeToken == "750x/2")
        #expect(cp.pending?.after == nil)
    }

    @Test("a resumed run finishes the pending window before opening the next")
    func resume() throws {
        let pending = PendingWindow(low: nil, high: Fixtures.t0, after: key(-10, "x"), readsDeletes: false)
        var c = IncrementalCursor(checkpoint: ImportCheckpoint(pending: pending), runStart: start)
        #expect(c.next() == .read(pending, isNew: false))
        let cp = try c.checkpoint(afterPage: [], isLast: true)
        c.committed(cp)
        guard case .read(let w, true) = c.next() else { Issue.record("no next window"); return }
        #expect(w.low == Fixtures.t0.addingTimeInterval(-300))
        #expect(w.high == signpost)
    }

    @Test("a run that starts before the last window's end reads nothing")
    func nothingNew() {
        var c = IncrementalCursor(checkpoint: ImportCheckpoint(completedHigh: start), runStart: start)
        #expect(c.next() == .finished)
    }
}

@Suite("ImportCheckpoint in the store's typed columns")
struct StoredCheckpointTests {
    let high = Fixtures.t0.addingTimeInterval(900)
    let after = KeysetPosition(timestamp: Fixtures.t0.addingTimeInterval(60), id: "00Q9")

    @Test("each cursor state round-trips through the store's Checkpoint", arguments: [
        ImportCheckpoint(completedHigh: Fixtures.t0),
        ImportCheckpoint(pending: PendingWindow(low: nil, high: Fixtures.t0, readsDeletes: false)),
        ImportCheckpoint(pending: PendingWindow(low: nil, high: Fixtures.t0, after: KeysetPosition(timestamp: Fixtures.t0, id: "x"), readsDeletes: false)),
        ImportCheckpoint(pending: PendingWindow(low: Fixtures.t0, high: Fixtures.t0, readsDeletes: true)),
        ImportCheckpoint(pending: PendingWindow(low: Fixtures.t0, high: Fixtures.t0, phase: .deletes, readsDeletes: true)),
        ImportCheckpoint(pending: PendingWindow(low: nil, high: Fixtures.t0, api: .bulk, readsDeletes: false)),
    ])
    func roundTrip(state: ImportCheckpoint) {
        #expect(ImportCheckpoint(stored: state.stored(job: "j", object: "Lead")) == state)
    }

    @Test("a keyset position replaces the window start, which it implies")
    func keysetImpliesLow() {
        let cp = ImportCheckpoint(pending: PendingWindow(low: Fixtures.t0, high: high, after: after, readsDeletes: true))
        let stored = cp.stored(job: "j", object: "Lead")
        #expect(stored.phase == .incremental && stored.timestamp == after.timestamp && stored.lastID == "00Q9")
        #expect(ImportCheckpoint(stored: stored)?.pending == PendingWindow(low: nil, high: high, after: after, readsDeletes: true))
    }

    @Test("no checkpoint, or one without a window end, starts from the beginning")
    func none() {
        #expect(ImportCheckpoint(stored: nil) == nil)
        #expect(ImportCheckpoint(stored: ConnectorCore.Checkpoint(job: "j", object: "Lead", phase: .complete)) == nil)
    }
}
