import Foundation

/// A snapshot of one org's API budget, for `sfconnect status` (Codable for `--json`).
public struct BudgetStatus: Sendable, Hashable, Codable {
    /// One job's share.
    public struct Job: Sendable, Hashable, Codable {
        public var job: String
        /// Calls this job spent in the last 24 hours.
        public var usedLast24Hours: Int
        /// Its `max_daily_api_calls`, nil when it has none.
        public var allotment: Int?
        /// Calls left of its allotment now, nil without an allotment.
        public var remaining: Int?
        /// When the job may call again after a refusal, nil when it is not paused.
        public var pausedUntil: Date?
    }

    public var org: String
    public var at: Date
    /// The org's daily API request allocation, as configured or last reported by Salesforce.
    public var dailyLimit: Int?
    public var reservePercent: Double
    /// `dailyLimit × (1 − reservePercent/100)`.
    public var orgBudget: Int?
    /// Calls the connector spent on the org in the last 24 hours (all jobs).
    public var usedByConnector: Int
    /// Other integrations' calls in the window, as last observed.
    public var usedByOthers: Int
    /// Calls the connector may still spend on the org now (budget − ours − others), nil when
    /// the daily limit is not known yet.
    public var orgRemaining: Int?
    /// What Salesforce would still accept (`dailyLimit − used`), nil when unknown.
    public var salesforceRemaining: Int?
    /// Set after `REQUEST_LIMIT_EXCEEDED` until the org may call again.
    public var orgPausedUntil: Date?
    /// When Salesforce's usage was last observed.
    public var observedAt: Date?
    public var jobs: [Job]
}

extension BudgetScheduler {
    /// The budget now: per job and for the org.
    public func status() -> BudgetStatus { snapshot() }
}

extension BudgetState {
    mutating func status(now: Date) -> BudgetStatus {
        window.expire(now: now)
        let names = Set(window.jobs).union(config.allotments.keys).union(jobPausedUntil.keys).sorted()
        let jobs = names.map { name -> BudgetStatus.Job in
            let used = window.used(by: name)
            let allot = config.allotments[name]
            let paused = jobPausedUntil[name].flatMap { $0 > now ? $0 : nil }
            return BudgetStatus.Job(job: name, usedLast24Hours: used, allotment: allot,
                                    remaining: allot.map { max(0, $0 - used) }, pausedUntil: paused)
        }
        return BudgetStatus(org: org, at: now, dailyLimit: dailyLimit, reservePercent: config.reservePercent,
                            orgBudget: orgBudget, usedByConnector: window.total, usedByOthers: external,
                            orgRemaining: orgBudget.map { max(0, $0 - orgUsed) },
                            salesforceRemaining: dailyLimit.map { max(0, $0 - orgUsed) },
                            orgPausedUntil: orgPausedUntil.flatMap { $0 > now ? $0 : nil },
                            observedAt: observedAt, jobs: jobs)
    }
}
