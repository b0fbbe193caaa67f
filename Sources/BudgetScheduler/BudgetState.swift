import ConnectorCore
import Foundation

/// The budget's arithmetic and memory for one org, with no I/O: the scheduler passes the time
/// in, writes granted calls to the ledger, then records them here.
struct BudgetState: Sendable {
    enum Verdict: Sendable, Equatable {
        case grant(probe: Bool)
        case refuse(BudgetError.Kind, wakeUp: Date?, used: Int, limit: Int)
    }

    let org: String
    var config: BudgetConfiguration
    var window: RollingWindow
    /// The org's daily limit: configured, then as Salesforce last reported it.
    var dailyLimit: Int?
    /// Other integrations' calls in the window, as last observed (observed `used` minus ours).
    var external = 0
    var observedAt: Date?
    var lastProbeAt: Date?
    /// Set by `REQUEST_LIMIT_EXCEEDED`: no call for anyone before this time.
    var orgPausedUntil: Date?
    var jobPausedUntil: [String: Date] = [:]

    init(org: String, config: BudgetConfiguration, entries: [LedgerEntry]) {
        self.org = org
        self.config = config
        self.window = RollingWindow(length: config.window, entries: entries)
        self.dailyLimit = config.dailyLimit
    }

    var orgBudget: Int? { dailyLimit.map { config.orgBudget(limit: $0) } }
    var orgUsed: Int { window.total + external }

    /// Decides whether `cost` calls may be spent for `purpose` at `now`. Refusals remember the
    /// job's pause; a probe grant remembers its time.
    mutating func evaluate(cost: Int, for purpose: CallPurpose, now: Date) -> Verdict {
        window.expire(now: now)
        let verdict = decide(cost: cost, purpose: purpose, now: now)
        switch verdict {
        case .grant(let probe):
            jobPausedUntil[purpose.job] = nil
            if probe { lastProbeAt = now }
        case .refuse(_, let wake, _, _):
            jobPausedUntil[purpose.job] = wake
        }
        return verdict
    }

    /// Records granted calls.
    mutating func record(_ entry: LedgerEntry) { window.add(entry) }

    private mutating func decide(cost: Int, purpose: CallPurpose, now: Date) -> Verdict {
        if let until = orgPausedUntil {
            if now < until { return .refuse(.requestLimitExceeded, wakeUp: until, used: orgUsed, limit: dailyLimit ?? 0) }
            orgPausedUntil = nil
        }
        var refusal: Verdict?
        if let allot = config.allotments[purpose.job] {
            let used = window.used(by: purpose.job)
            if cost > allot { return .refuse(.costExceedsAllotment, wakeUp: nil, used: used, limit: allot) }
            if used + cost > allot {
                let wake = window.ageOut(need: used + cost - allot, job: purpose.job)
                refusal = .refuse(.jobAllotmentSpent, wakeUp: wake, used: used, limit: allot)
            }
        }
        guard let budget = orgBudget else { return refusal ?? .grant(probe: false) }
        let cap = budget - config.floor(for: purpose.priority, budget: budget)
        if cost > cap { return .refuse(.costExceedsAllotment, wakeUp: nil, used: orgUsed, limit: cap) }
        guard orgUsed + cost > cap else { return refusal ?? .grant(probe: false) }

        // The org is short. Our own calls age out on a schedule we know; other integrations'
        // calls do not, so their last observed share is re-checked by a probe.
        let need = orgUsed + cost - cap
        let ours = window.ageOut(need: need, job: nil)
        var probe: Date?
        if external > 0, let seen = observedAt {
            let next = max(seen, lastProbeAt ?? seen).addingTimeInterval(config.probeInterval)
            if now >= next, window.total + cost <= cap, refusal == nil { return .grant(probe: true) }
            probe = max(next, now)
        }
        let orgWake = [ours, probe].compactMap { $0 }.min() ?? now.addingTimeInterval(config.probeInterval)
        let kind: BudgetError.Kind = orgUsed + cost > budget ? .orgBudgetSpent : .reservedForHigherPriority
        if case .refuse(_, let jobWake?, _, _) = refusal, jobWake >= orgWake { return refusal! }
        return .refuse(kind, wakeUp: orgWake, used: orgUsed, limit: cap)
    }

    /// Takes in the org's usage from `Sforce-Limit-Info` or `/limits`.
    mutating func observe(_ usage: APIUsage, now: Date) {
        window.expire(now: now)
        if usage.max > 0 { dailyLimit = usage.max }
        external = max(0, usage.used - window.total)
        observedAt = now
        if usage.used < usage.max { orgPausedUntil = nil }
    }

    /// Salesforce said the daily limit is spent: count the org as full and pause everyone until
    /// enough of our calls age out to bring it back under the budget, or until the next probe.
    mutating func limitExceeded(now: Date) -> Date {
        window.expire(now: now)
        guard let limit = dailyLimit, let budget = orgBudget else {
            let wake = now.addingTimeInterval(config.probeInterval)
            orgPausedUntil = wake
            return wake
        }
        external = max(0, limit - window.total)
        observedAt = now
        lastProbeAt = nil
        let need = orgUsed + 1 - budget
        let ours = window.ageOut(need: need, job: nil)
        let probe = external > 0 ? now.addingTimeInterval(config.probeInterval) : nil
        let wake = [ours, probe].compactMap { $0 }.min() ?? now.addingTimeInterval(config.probeInterval)
        orgPausedUntil = wake
        return wake
    }
}
