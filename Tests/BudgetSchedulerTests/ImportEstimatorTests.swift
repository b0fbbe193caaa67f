import BudgetScheduler
import Foundation
import Testing

@Suite("Import estimate arithmetic")
struct ImportEstimatorTests {
    @Test("a small org kept updated hourly: REST pages, one query per object per run")
    func small() throws {
        let r = ImportEstimator.estimate(ImportEstimateInput(
            job: "small", objects: [ObjectVolume(object: "Lead", records: 1500, changedLastDay: 48),
                                    ObjectVolume(object: "Contact", records: 0)],
            frequency: .hourly, maxDailyAPICalls: 1000, dailyLimit: 15_000, otherIntegrationsDailyUse: 3000,
            estimateCalls: 3))
        // Lead: describe + 1 page (REST) or describe + create + 2 polls + 1 result page (Bulk).
        #expect(r.objects.map(\.firstRunCallsREST) == [2, 2])
        #expect(r.objects.map(\.firstRunCallsBulk) == [5, 5])
        #expect(r.objects.map(\.firstRunMethod) == [.rest, .rest])
        #expect((r.firstRunCalls, r.firstRunCallsREST, r.firstRunCallsBulk) == (4, 4, 10))
        // Per hourly run: ⌈48/24⌉ = 2 changed → 1 query page, plus 1 queryAll for deletes; same for Contact.
        #expect(r.objects.map(\.changedPerRun) == [2, 0])
        #expect(r.objects.map(\.callsPerRun) == [2, 2])
        #expect(r.callsPerRun == 4 && r.callsPerDay == 96)
        #expect(r.budget == 1000 && r.budgetSource == "max_daily_api_calls")
        #expect(r.daysToFinishFirstRun == 0.004 && r.windowsForFirstRun == 1)
        #expect(r.seed.suggestedBudget == 6000 && r.seed.naiveDays == 1.5)
        #expect(r.totalRecords == 1500 && r.estimateCalls == 3)
    }

    @Test("a medium org kept updated daily: Bulk from 10,000 records, the seed's suggested budget")
    func medium() throws {
        let r = ImportEstimator.estimate(ImportEstimateInput(
            job: "medium",
            objects: [ObjectVolume(object: "Lead", records: 120_000, changedLastDay: 5000, deletedLastDay: 100),
                      ObjectVolume(object: "Contact", records: 250_000, changedLastDay: 2500),
                      ObjectVolume(object: "Account", records: 9999, changedLastDay: 10)],
            frequency: .daily, dailyLimit: 100_000, otherIntegrationsDailyUse: 20_000))
        #expect(r.objects.map(\.firstRunCallsREST) == [61, 126, 6])
        #expect(r.objects.map(\.firstRunCallsBulk) == [7, 9, 5])
        #expect(r.objects.map(\.firstRunMethod) == [.bulk, .bulk, .rest])
        #expect(r.objects.map(\.firstRunCalls) == [7, 9, 6])
        #expect((r.firstRunCalls, r.firstRunCallsREST, r.firstRunCallsBulk) == (22, 193, 21))
        #expect(r.objects.map(\.callsPerRun) == [4, 3, 2])
        #expect(r.callsPerDay == 9)
        #expect(r.budget == 40_000 && r.budgetSource == "suggested")
        #expect(r.daysToFinishFirstRun == 22.0 / 40_000 && r.windowsForFirstRun == 1)
        #expect(r.seed.naiveDays == 379_999.0 / 40_000)
    }

    @Test("a large org read by REST only spans several windows; weekly runs use the week's changes")
    func large() throws {
        var model = ImportCallModel()
        model.bulkAllowed = false
        model.planCallsPerRun = 1
        model.perRunCalls = 1
        let r = ImportEstimator.estimate(ImportEstimateInput(
            job: "large",
            objects: [ObjectVolume(object: "Account", records: 2_000_000, changedLastDay: 10_000,
                                   changedLastWeek: 50_000, deletedLastWeek: 4001),
                      ObjectVolume(object: "Opportunity", records: 5_000_000, changedLastDay: 1000)],
            frequency: .weekly, maxDailyAPICalls: 1000, dailyLimit: 50_000, otherIntegrationsDailyUse: 10_001,
            model: model))
        #expect(r.objects.map(\.firstRunCallsREST) == [1001, 2501])
        #expect(r.objects.map(\.firstRunCallsBulk) == [44, 104])
        #expect(r.objects.map(\.firstRunMethod) == [.rest, .rest])
        #expect((r.firstRunCalls, r.firstRunCallsREST, r.firstRunCallsBulk) == (3503, 3503, 149))
        // Account: 25 pages of the week's 50,000 + 3 of 4,001 deleted; Opportunity: 7 × 1,000 → 4 + 1.
        #expect(r.objects.map(\.changedPerRun) == [50_000, 7000])
        #expect(r.objects.map(\.callsPerRun) == [28, 5])
        #expect(r.callsPerRun == 34 && r.callsPerDay == 34.0 / 7)
        #expect(r.daysToFinishFirstRun == 3.503 && r.windowsForFirstRun == 4)
        #expect(r.seed.suggestedBudget == 19_999 && r.seed.naiveDays == 7000)
    }

    @Test("a one-time import has no keep-updated figures, and no budget means no days")
    func oneTimeWithoutBudget() {
        var model = ImportCallModel()
        model.readsDeletes = false
        model.planCallsPerObject = 0
        let r = ImportEstimator.estimate(ImportEstimateInput(
            job: "once", objects: [ObjectVolume(object: "Lead", records: 4001)], model: model))
        #expect(r.firstRunCalls == 3)
        #expect(r.callsPerDay == nil && r.objects[0].callsPerRun == nil)
        #expect(r.budget == nil && r.daysToFinishFirstRun == nil && r.seed.suggestedBudget == nil)
    }

    @Test("without deletes each run costs one query per object even when nothing changed")
    func noDeletes() {
        var model = ImportCallModel()
        model.readsDeletes = false
        model.lookbackRecordsPerRun = 2000
        let r = ImportEstimator.estimate(ImportEstimateInput(
            job: "x", objects: [ObjectVolume(object: "Lead", records: 0), ObjectVolume(object: "Contact", records: 0, changedLastDay: 1)],
            frequency: .daily, model: model))
        // 0 + 2000 lookback → 1 page; 1 + 2000 → 2 pages.
        #expect(r.objects.map(\.callsPerRun) == [1, 2])
        #expect(r.objects.map(\.deletedPerRun) == [nil, nil])
    }

    @Test("the seed's suggested budget halves what other integrations leave, never below zero")
    func suggested() {
        #expect(ImportEstimator.suggestedBudget(dailyLimit: 100_000, otherUse: 30_000) == 35_000)
        #expect(ImportEstimator.suggestedBudget(dailyLimit: 15_001, otherUse: 0) == 7500)
        #expect(ImportEstimator.suggestedBudget(dailyLimit: 1000, otherUse: 5000) == 0)
        #expect(ImportEstimator.suggestedBudget(dailyLimit: nil, otherUse: 0) == nil)
    }
}
