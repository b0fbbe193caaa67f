import Foundation

/// The calls spent in the last `length` seconds, oldest first, with running totals per job
/// and for the org. Pure: the scheduler passes the time in.
///
/// An entry made at `t` counts while `now < t + length` and ages out at exactly `t + length`.
struct RollingWindow: Sendable {
    let length: TimeInterval
    private var entries: [LedgerEntry] = []
    private var head = 0
    private(set) var total = 0
    private var perJob: [String: Int] = [:]

    init(length: TimeInterval, entries: [LedgerEntry] = []) {
        self.length = length
        for e in entries.sorted(by: { $0.at < $1.at }) { add(e) }
    }

    /// Calls `job` spent in the window.
    func used(by job: String) -> Int { perJob[job] ?? 0 }

    /// Jobs with calls in the window.
    var jobs: [String] { perJob.keys.sorted() }

    /// The live entries, oldest first.
    var live: ArraySlice<LedgerEntry> { entries[head...] }

    mutating func add(_ entry: LedgerEntry) {
        guard entry.count > 0 else { return }
        if let last = entries.last, entry.at < last.at {
            let i = entries[head...].firstIndex { $0.at > entry.at } ?? entries.count
            entries.insert(entry, at: i)
        } else {
            entries.append(entry)
        }
        total += entry.count
        perJob[entry.job, default: 0] += entry.count
    }

    /// Drops the entries that have aged out by `now`.
    mutating func expire(now: Date) {
        let cutoff = now.addingTimeInterval(-length)
        while head < entries.count, entries[head].at <= cutoff {
            let e = entries[head]
            total -= e.count
            let left = (perJob[e.job] ?? 0) - e.count
            perJob[e.job] = left > 0 ? left : nil
            head += 1
        }
        if head > 1024, head * 2 > entries.count {
            entries.removeFirst(head)
            head = 0
        }
    }

    /// The earliest moment at which at least `need` calls (of `job`, or of the whole org when
    /// nil) will have aged out, or nil when the window does not hold that many.
    func ageOut(need: Int, job: String?) -> Date? {
        guard need > 0 else { return nil }
        var freed = 0
        for e in entries[head...] where job == nil || e.job == job {
            freed += e.count
            if freed >= need { return e.at.addingTimeInterval(length) }
        }
        return nil
    }
}
