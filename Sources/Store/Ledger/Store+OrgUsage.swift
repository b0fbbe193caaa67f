import Foundation
import GRDB

/// An org's API usage as last known (from `Sforce-Limit-Info` and the ledger), so that
/// `sfconnect status` can show it without calling Salesforce.
public struct OrgUsage: Sendable, Hashable {
    public var org: String
    /// The org's daily API request allocation, nil when never reported.
    public var dailyLimit: Int?
    /// What Salesforce would still accept then.
    public var salesforceRemaining: Int?
    /// What the connector's budget (after the reserve) still allowed then.
    public var budgetRemaining: Int?
    public var observedAt: Date

    public init(org: String, dailyLimit: Int?, salesforceRemaining: Int?, budgetRemaining: Int?, observedAt: Date) {
        self.org = org
        self.dailyLimit = dailyLimit
        self.salesforceRemaining = salesforceRemaining
        self.budgetRemaining = budgetRemaining
        self.observedAt = observedAt
    }
}

extension Store {
    /// Saves `usage` as the org's last known usage (replacing the previous one).
    /// - Throws: ``StoreError`` `.database`.
    public func saveOrgUsage(_ usage: OrgUsage) throws {
        try write("save the API usage of \(usage.org)", subject: usage.org) { db in
            try db.execute(sql: """
                INSERT INTO org_usage (org, daily_limit, salesforce_remaining, budget_remaining, observed_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (org) DO UPDATE SET daily_limit = excluded.daily_limit,
                  salesforce_remaining = excluded.salesforce_remaining, budget_remaining = excluded.budget_remaining,
                  observed_at = excluded.observed_at
                """, arguments: [usage.org, usage.dailyLimit, usage.salesforceRemaining, usage.budgetRemaining,
                                 Millis.from(usage.observedAt)])
        }
    }

    /// The org's last known usage, nil if no job ran on it.
    /// - Throws: ``StoreError`` `.database`.
    public func orgUsage(org: String) throws -> OrgUsage? {
        try read("read the API usage of \(org)", subject: org) { db in
            try Row.fetchOne(db, sql: "SELECT * FROM org_usage WHERE org = ?", arguments: [org]).map {
                OrgUsage(org: $0["org"], dailyLimit: $0["daily_limit"], salesforceRemaining: $0["salesforce_remaining"],
                         budgetRemaining: $0["budget_remaining"], observedAt: Millis.date($0["observed_at"] as Int64))
            }
        }
    }

    /// Notes which org `job` runs on (after ``setJobState(job:state:pausedUntil:)``).
    /// - Throws: ``StoreError`` `.database`.
    public func setJobOrg(job: String, org: String) throws {
        try write("save the org of \(job)", subject: job) { db in
            try db.execute(sql: "UPDATE job_state SET org = ? WHERE job = ?", arguments: [org, job])
        }
    }

    /// The org `job` last ran on, nil if unknown.
    /// - Throws: ``StoreError`` `.database`.
    public func jobOrg(job: String) throws -> String? {
        try read("read the org of \(job)", subject: job) { db in
            try String.fetchOne(db, sql: "SELECT org FROM job_state WHERE job = ?", arguments: [job])
        }
    }
}
