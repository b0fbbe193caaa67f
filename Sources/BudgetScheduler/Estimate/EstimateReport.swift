import Foundation

/// What a job will cost, per object and in total, next to the seed's rule-of-thumb numbers.
/// Codable: `--json` prints it as it is.
public struct EstimateReport: Sendable, Hashable, Codable {
    /// How the first run reads an object.
    public enum Method: String, Sendable, Hashable, Codable { case rest, bulk }

    /// One object's row.
    public struct Object: Sendable, Hashable, Codable {
        public var object: String
        public var records: Int
        /// First-run calls by REST pages and by Bulk API 2.0 (planning calls included in both).
        public var firstRunCallsREST: Int
        public var firstRunCallsBulk: Int
        public var firstRunMethod: Method
        public var firstRunCalls: Int
        /// Keep-updated figures; nil for a one-time import.
        public var changedPerRun: Int?
        public var deletedPerRun: Int?
        public var callsPerRun: Int?
        public var callsPerDay: Double?
    }

    /// The seed's formulas: suggested budget `(daily limit − other integrations' use) ÷ 2`, and
    /// its naive days `total records ÷ the import's daily calls` (one call per record, as it reads).
    public struct Seed: Sendable, Hashable, Codable {
        public var suggestedBudget: Int?
        public var naiveDays: Double?
    }

    public var job: String
    public var objects: [Object]
    public var totalRecords: Int
    /// First-run totals: by the chosen method per object, all by REST, all by Bulk (each with
    /// the per-run planning calls).
    public var firstRunCalls: Int
    public var firstRunCallsREST: Int
    public var firstRunCallsBulk: Int
    public var frequency: ImportFrequency?
    public var callsPerRun: Int?
    public var callsPerDay: Double?
    /// The daily budget the days are computed at, and where it comes from
    /// (`max_daily_api_calls` or `suggested`); nil when neither is known.
    public var budget: Int?
    public var budgetSource: String?
    /// `firstRunCalls ÷ budget`, and the number of 24-hour windows the first run spans
    /// (1 = it finishes without pausing for the budget).
    public var daysToFinishFirstRun: Double?
    public var windowsForFirstRun: Int?
    public var seed: Seed
    /// Calls the estimate itself used.
    public var estimateCalls: Int
}
