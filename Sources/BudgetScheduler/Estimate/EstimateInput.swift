import Foundation

/// How often a keep-updated import runs.
public enum ImportFrequency: String, Sendable, Hashable, Codable, CaseIterable {
    case hourly, daily, weekly

    /// Runs per day: 24, 1, 1/7.
    public var runsPerDay: Double {
        switch self {
        case .hourly: return 24
        case .daily: return 1
        case .weekly: return 1.0 / 7
        }
    }
}

/// One object's volumes, as counted before the estimate (`/limits/recordCount` or `COUNT()`
/// with the job's `since`, and `COUNT()` of records changed in the last day and week).
public struct ObjectVolume: Sendable, Hashable, Codable {
    public var object: String
    /// Records the first run reads.
    public var records: Int
    /// Records created or changed in the last day (and week, when counted).
    public var changedLastDay: Int
    public var changedLastWeek: Int?
    /// Records deleted in the last day (and week).
    public var deletedLastDay: Int
    public var deletedLastWeek: Int?

    public init(object: String, records: Int, changedLastDay: Int = 0, changedLastWeek: Int? = nil,
                deletedLastDay: Int = 0, deletedLastWeek: Int? = nil) {
        self.object = object
        self.records = records
        self.changedLastDay = changedLastDay
        self.changedLastWeek = changedLastWeek
        self.deletedLastDay = deletedLastDay
        self.deletedLastWeek = deletedLastWeek
    }

    /// Records changed per run at `frequency`: a day's changes spread over 24 hourly runs
    /// (rounded up), a day's for daily, a week's for weekly (7 days' when the week was not counted).
    public func changedPerRun(_ frequency: ImportFrequency) -> Int {
        Self.perRun(day: changedLastDay, week: changedLastWeek, frequency)
    }

    /// Records deleted per run at `frequency`, spread the same way.
    public func deletedPerRun(_ frequency: ImportFrequency) -> Int {
        Self.perRun(day: deletedLastDay, week: deletedLastWeek, frequency)
    }

    static func perRun(day: Int, week: Int?, _ frequency: ImportFrequency) -> Int {
        switch frequency {
        case .hourly: return (max(0, day) + 23) / 24
        case .daily: return max(0, day)
        case .weekly: return max(0, week ?? day * 7)
        }
    }
}

/// Everything the estimate of one import job needs; the arithmetic itself makes no call.
public struct ImportEstimateInput: Sendable, Hashable, Codable {
    public var job: String
    public var objects: [ObjectVolume]
    /// Nil for a one-time import.
    public var frequency: ImportFrequency?
    /// The job's `max_daily_api_calls`; nil to use the seed's suggested budget.
    public var maxDailyAPICalls: Int?
    /// The org's daily API request limit (`/limits` `DailyApiRequests.Max`), when known.
    public var dailyLimit: Int?
    /// Calls other integrations make per day (the part of `used` that is not ours).
    public var otherIntegrationsDailyUse: Int
    public var model: ImportCallModel
    /// Calls the estimate itself spent counting (reported, not computed).
    public var estimateCalls: Int

    public init(job: String, objects: [ObjectVolume], frequency: ImportFrequency? = nil,
                maxDailyAPICalls: Int? = nil, dailyLimit: Int? = nil, otherIntegrationsDailyUse: Int = 0,
                model: ImportCallModel = ImportCallModel(), estimateCalls: Int = 0) {
        self.job = job
        self.objects = objects
        self.frequency = frequency
        self.maxDailyAPICalls = maxDailyAPICalls
        self.dailyLimit = dailyLimit
        self.otherIntegrationsDailyUse = otherIntegrationsDailyUse
        self.model = model
        self.estimateCalls = estimateCalls
    }
}
