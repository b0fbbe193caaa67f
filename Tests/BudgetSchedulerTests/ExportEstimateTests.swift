import BudgetScheduler
import Foundation
import Testing

@Suite("Export estimate arithmetic")
struct ExportEstimateTests {
    @Test("small, medium and large backfills: collections up to 2,000 records, Bulk ingest above")
    func threeSizes() {
        let small = ExportEstimate.estimate(job: "e", members: 450, changesPerDay: 30, budget: 1000)
        // describe + ⌈450/200⌉ = 3 collections; Bulk would be describe + 7.
        #expect((small.backfillCallsCollections, small.backfillCallsBulk, small.backfillMethod) == (4, 8, .rest))
        #expect(small.backfillCalls == 4 && small.callsPerDay == 30 && small.daysToFinishBackfill == 0.004)

        let medium = ExportEstimate.estimate(job: "e", members: 50_000, changesPerDay: 3000, budget: 100)
        #expect((medium.backfillCallsCollections, medium.backfillCallsBulk, medium.backfillMethod) == (251, 8, .bulk))
        // 3,000 changes over 1,440 one-minute flushes: at most one call per flush.
        #expect(medium.callsPerDay == 1440 && medium.daysToFinishBackfill == 0.08)

        let large = ExportEstimate.estimate(job: "e", members: 1_000_001, changesPerDay: 500_000, budget: nil)
        #expect((large.backfillCallsCollections, large.backfillCallsBulk) == (5002, 1 + 11 * 7))
        #expect(large.callsPerDay == 2500 && large.daysToFinishBackfill == nil)
    }

    @Test("no changes cost no calls, and the text names the method")
    func quietAndText() {
        let e = ExportEstimate.estimate(job: "vip", members: 0, changesPerDay: 0, budget: 10)
        #expect(e.backfillCalls == 1 && e.callsPerDay == 0)
        #expect(e.text() == """
            Estimate for export job vip
            Backfill: 0 records, 1 calls by sObject Collections (collections 1, Bulk 1).
            Keep updated: 0 changes/day, 0 calls/day.
            At 10 calls/day: backfill in 0.10 days.

            """)
    }
}
