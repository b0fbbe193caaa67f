import ConnectorCore
import Foundation
import Logging

/// The API budget of one Salesforce org: every call of every job on the org asks it first.
///
/// It keeps a rolling 24-hour ledger of the calls it granted (per job and for the org; persisted
/// through a `BudgetLedger`, so a restart loses nothing), each job's allotment
/// (`max_daily_api_calls`), a reserve for other integrations (`reserve_percent` of the daily
/// limit, default 20) and the org's live usage from `Sforce-Limit-Info` and `/limits`.
///
/// Rules, checked in this order by `acquire(cost:for:)`:
/// 1. After `REQUEST_LIMIT_EXCEEDED` nobody calls until the org's pause ends.
/// 2. A job with an allotment may spend at most that many calls in any 24 hours.
/// 3. The org budget is `daily limit × (1 − reserve_percent/100)`; our calls in the window plus
///    other integrations' calls (observed `used` minus ours) may not exceed it.
/// 4. Priorities when calls are scarce: the k-th priority of `priorityOrder` (k = 0 first) may
///    not spend the last `k × priorityStepPercent` % of the org budget. With the defaults,
///    real-time export may use it all, backfills stop with 5 % left, imports with 10 %, other
///    calls with 15 %.
///
/// A refusal throws `BudgetError` with the wake-up time: the moment enough of this job's (rule 2)
/// or the org's (rules 3–4) calls age out of the window, never a blind 24-hour sleep. When other
/// integrations' usage alone blocks the org (their calls' ages are unknown), the wake-up is the
/// next probe time: `probeInterval` after the last observation, when one call goes through and
/// its `Sforce-Limit-Info` brings fresh numbers. The error maps to
/// `Disposition.stopForBudget(until:)`; `acquireWaiting` sleeps on the clock instead.
public actor BudgetScheduler: APICallGate {
    public nonisolated let org: String
    private let ledger: any BudgetLedger
    private let clock: any WallClock
    private let logger: Logger?
    private var state: BudgetState
    private var lastPrune: Date?

    /// Opens the budget of `org`, reading the last 24 hours back from `ledger`.
    /// - Throws: `BudgetError` `.invalidConfiguration` for a setting out of range,
    ///   `.ledgerUnavailable` when the ledger cannot be read.
    public init(org: String, ledger: any BudgetLedger, clock: any WallClock = SystemWallClock(),
                configuration: BudgetConfiguration = BudgetConfiguration(), logger: Logger? = nil) throws {
        let config = try configuration.validated(org: org)
        let since = clock.now().addingTimeInterval(-config.window)
        let entries: [LedgerEntry]
        do { entries = try ledger.calls(since: since) } catch {
            throw BudgetError(kind: .ledgerUnavailable, org: org, detail: "\(error)")
        }
        self.org = org
        self.ledger = ledger
        self.clock = clock
        self.logger = logger
        self.state = BudgetState(org: org, config: config, entries: entries)
    }

    /// Spends `cost` calls for `purpose` now, or throws without spending any.
    /// - Throws: `BudgetError`: a pause kind with `wakeUp` (`.jobAllotmentSpent`, `.orgBudgetSpent`,
    ///   `.reservedForHigherPriority`, `.requestLimitExceeded`), `.costExceedsAllotment` when
    ///   the request can never fit, `.ledgerUnavailable` when the charge cannot be persisted.
    public func acquire(cost: Int, for purpose: CallPurpose) async throws { try spend(cost: cost, for: purpose) }

    /// Like `acquire`, but sleeps on the clock until the wake-up time and tries again.
    /// - Throws: `BudgetError` kinds that are not pauses; `CancellationError` when cancelled.
    public func acquireWaiting(cost: Int, for purpose: CallPurpose) async throws {
        while true {
            do { return try spend(cost: cost, for: purpose) } catch let e as BudgetError {
                guard e.isPause, let wake = e.wakeUp else { throw e }
                try await clock.sleep(until: wake)
            }
        }
    }

    /// Records the org's usage read from `Sforce-Limit-Info` or `/limits` (`DailyApiRequests`).
    public func observe(_ usage: APIUsage) async { state.observe(usage, now: clock.now()) }

    /// Records `REQUEST_LIMIT_EXCEEDED`: pauses every job on the org until the computed time.
    public func observeLimitExceeded(for purpose: CallPurpose) async {
        let wake = state.limitExceeded(now: clock.now())
        state.jobPausedUntil[purpose.job] = wake
        logger?.info("budget.limit_exceeded", metadata: ["sf.org": "\(org)", "sf.job": "\(purpose.job)",
                                                         "budget.wake_up": "\(wake)"])
    }

    /// Sets or clears (`nil`) a job's `max_daily_api_calls`.
    /// - Throws: `BudgetError` `.invalidConfiguration` for a value below 1.
    public func setAllotment(_ calls: Int?, for job: String) throws {
        var config = state.config
        config.allotments[job] = calls
        state.config = try config.validated(org: org)
    }

    /// Sets the org's `reserve_percent`.
    /// - Throws: `BudgetError` `.invalidConfiguration` outside 0 ..< 100.
    public func setReservePercent(_ percent: Double) throws {
        var config = state.config
        config.reservePercent = percent
        state.config = try config.validated(org: org)
    }

    private func spend(cost: Int, for purpose: CallPurpose) throws {
        guard cost > 0 else { return }
        let now = clock.now()
        switch state.evaluate(cost: cost, for: purpose, now: now) {
        case .refuse(let kind, let wake, let used, let limit):
            logger?.info("budget.refused", metadata: ["sf.org": "\(org)", "sf.job": "\(purpose.job)",
                                                     "budget.reason": "\(kind)", "budget.used": "\(used)",
                                                     "budget.limit": "\(limit)"])
            throw BudgetError(kind: kind, org: org, job: purpose.job, wakeUp: wake, used: used, limit: limit, cost: cost)
        case .grant:
            do { try ledger.append(job: purpose.job, count: cost, at: now) } catch {
                throw BudgetError(kind: .ledgerUnavailable, org: org, job: purpose.job, cost: cost, detail: "\(error)")
            }
            state.record(LedgerEntry(job: purpose.job, at: now, count: cost))
            pruneIfDue(now: now)
        }
    }

    func snapshot() -> BudgetStatus { state.status(now: clock.now()) }

    private func pruneIfDue(now: Date) {
        if let last = lastPrune, now.timeIntervalSince(last) < state.config.pruneInterval { return }
        lastPrune = now
        // A failed prune loses nothing: the rows are deleted on a later try.
        try? ledger.prune(before: now.addingTimeInterval(-state.config.window))
    }
}
