import ConnectorCore
import Foundation

/// The settings of one org's API budget. Every field has a default; `validated(org:)` checks
/// the ranges.
///
/// - `dailyLimit`: the org's daily API request allocation, until Salesforce reports it (the
///   `max` of every `Sforce-Limit-Info` and `/limits` replaces it). Nil: no org cap until the
///   first response (job allotments still apply).
/// - `reservePercent` (`reserve_percent`, default 20): share of the daily limit kept free for
///   other integrations; the connector stops at `dailyLimit × (1 − reservePercent/100)`.
/// - `allotments` (`max_daily_api_calls` per job): calls a job may spend in any 24 hours.
/// - `priorityOrder` (default real-time export, backfill, importing, other) and
///   `priorityStepPercent` (default 5): the k-th priority (k = 0 first) may not spend the last
///   `k × priorityStepPercent` % of the org budget.
/// - `probeInterval` (default 30 min): how long other integrations' usage, as last observed, is
///   trusted; when it alone blocks calls, one probe call per interval goes through so that its
///   response refreshes the usage.
/// - `window` (24 h) and `pruneInterval` (1 h, how often old ledger rows are deleted).
public struct BudgetConfiguration: Sendable, Hashable {
    public var dailyLimit: Int?
    public var reservePercent: Double = 20
    public var allotments: [String: Int] = [:]
    public var priorityOrder: [CallPurpose.Priority] = [.realtimeExport, .backfill, .importing, .other]
    public var priorityStepPercent: Double = 5
    public var probeInterval: TimeInterval = 1800
    public var window: TimeInterval = 86_400
    public var pruneInterval: TimeInterval = 3600

    public init(dailyLimit: Int? = nil, reservePercent: Double = 20, allotments: [String: Int] = [:]) {
        self.dailyLimit = dailyLimit
        self.reservePercent = reservePercent
        self.allotments = allotments
    }

    /// The rank of `priority` in `priorityOrder` (0 = most urgent); unlisted priorities rank last.
    func rank(of priority: CallPurpose.Priority) -> Int {
        priorityOrder.firstIndex(of: priority) ?? priorityOrder.count
    }

    /// The calls the connector may spend on an org with `limit`: `limit × (1 − reserve)`, rounded down.
    func orgBudget(limit: Int) -> Int {
        Int((Double(limit) * (100 - reservePercent) / 100).rounded(.down))
    }

    /// The part of `budget` that `priority` may not touch.
    func floor(for priority: CallPurpose.Priority, budget: Int) -> Int {
        Int((Double(budget) * Double(rank(of: priority)) * priorityStepPercent / 100).rounded(.down))
    }

    /// Checks every range.
    /// - Throws: `BudgetError` `.invalidConfiguration` naming the setting and its allowed range.
    public func validated(org: String) throws -> BudgetConfiguration {
        func bad(_ detail: String) -> BudgetError { BudgetError(kind: .invalidConfiguration, org: org, detail: detail) }
        guard reservePercent >= 0, reservePercent < 100 else {
            throw bad("reserve_percent is \(reservePercent) but must be at least 0 and below 100")
        }
        if let dailyLimit, dailyLimit <= 0 { throw bad("the daily limit is \(dailyLimit) but must be positive") }
        for (job, n) in allotments.sorted(by: { $0.key < $1.key }) where n <= 0 {
            throw bad("max_daily_api_calls of job \(job) is \(n) but must be positive (leave it out for no cap)")
        }
        guard Set(priorityOrder).count == priorityOrder.count else {
            throw bad("the priority order names a priority twice")
        }
        let lowest = Double(max(0, priorityOrder.count)) * priorityStepPercent
        guard priorityStepPercent >= 0, lowest < 100 else {
            throw bad("the priority step is \(priorityStepPercent) % but \(priorityOrder.count) steps of it must stay below 100 %")
        }
        guard probeInterval > 0, window > 0, pruneInterval > 0 else {
            throw bad("the probe interval, window and prune interval must be positive")
        }
        return self
    }
}
