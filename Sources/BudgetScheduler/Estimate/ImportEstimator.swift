import Foundation

/// The pure arithmetic of `sfconnect estimate` for an import job: no calls, no clock.
public enum ImportEstimator {
    /// Computes the report for `input` with its cost model.
    public static func estimate(_ input: ImportEstimateInput) -> EstimateReport {
        let m = input.model
        let rows = input.objects.map { row(for: $0, frequency: input.frequency, model: m) }
        let rest = rows.reduce(m.planCallsPerRun) { $0 + $1.firstRunCallsREST }
        let bulk = rows.reduce(m.planCallsPerRun) { $0 + $1.firstRunCallsBulk }
        let chosen = rows.reduce(m.planCallsPerRun) { $0 + $1.firstRunCalls }
        let records = input.objects.reduce(0) { $0 + max(0, $1.records) }

        var perRun: Int?
        var perDay: Double?
        if let f = input.frequency {
            let run = rows.reduce(m.perRunCalls) { $0 + ($1.callsPerRun ?? 0) }
            perRun = run
            perDay = Double(run) * f.runsPerDay
        }

        let suggested = suggestedBudget(dailyLimit: input.dailyLimit, otherUse: input.otherIntegrationsDailyUse)
        let budget = input.maxDailyAPICalls ?? suggested
        let source = input.maxDailyAPICalls != nil ? "max_daily_api_calls" : (suggested != nil ? "suggested" : nil)
        let usable = budget.flatMap { $0 > 0 ? $0 : nil }
        return EstimateReport(
            job: input.job, objects: rows, totalRecords: records,
            firstRunCalls: chosen, firstRunCallsREST: rest, firstRunCallsBulk: bulk,
            frequency: input.frequency, callsPerRun: perRun, callsPerDay: perDay,
            budget: budget, budgetSource: source,
            daysToFinishFirstRun: usable.map { Double(chosen) / Double($0) },
            windowsForFirstRun: usable.map { max(1, (chosen + $0 - 1) / $0) },
            seed: EstimateReport.Seed(suggestedBudget: suggested,
                                      naiveDays: usable.map { Double(records) / Double($0) }),
            estimateCalls: input.estimateCalls)
    }

    /// The seed's suggested daily budget for an import: `(daily limit − other use) ÷ 2`, so that
    /// an export gets the same share. Nil without a daily limit; never below 0.
    public static func suggestedBudget(dailyLimit: Int?, otherUse: Int) -> Int? {
        dailyLimit.map { max(0, $0 - max(0, otherUse)) / 2 }
    }

    static func row(for v: ObjectVolume, frequency: ImportFrequency?, model m: ImportCallModel) -> EstimateReport.Object {
        let rest = m.planCallsPerObject + m.restCalls(records: v.records)
        let bulk = m.planCallsPerObject + m.bulkCalls(records: v.records)
        let method: EstimateReport.Method = m.usesBulk(records: v.records) ? .bulk : .rest
        var row = EstimateReport.Object(object: v.object, records: max(0, v.records), firstRunCallsREST: rest,
                                        firstRunCallsBulk: bulk, firstRunMethod: method,
                                        firstRunCalls: method == .bulk ? bulk : rest)
        if let f = frequency {
            let changed = v.changedPerRun(f)
            let deleted = m.readsDeletes ? v.deletedPerRun(f) : 0
            let run = m.incrementalCalls(changed: changed, deleted: deleted)
            row.changedPerRun = changed
            row.deletedPerRun = m.readsDeletes ? deleted : nil
            row.callsPerRun = run
            row.callsPerDay = Double(run) * f.runsPerDay
        }
        return row
    }
}
