import BudgetScheduler
import Foundation
import Testing

@Suite("Estimate rendering")
struct EstimateRenderTests {
    let report = ImportEstimator.estimate(ImportEstimateInput(
        job: "leads", objects: [ObjectVolume(object: "Lead", records: 120_000, changedLastDay: 5000),
                                ObjectVolume(object: "Contact", records: 1500, changedLastDay: 48)],
        frequency: .hourly, maxDailyAPICalls: 5, dailyLimit: 100_000, otherIntegrationsDailyUse: 10_000,
        estimateCalls: 1))

    @Test("renders a text table with totals and the seed's figures beside ours")
    func text() {
        #expect(report.text() == """
            Estimate for job leads (keep updated hourly)
            object   records  first run REST  first run Bulk  method  changed/run  calls/run  calls/day
            Lead     120,000              61               7  bulk            209          2         48
            Contact    1,500               2               5  rest              2          2         48
            total    121,500              63              12                               4         96

            First run: 9 calls (all REST 63, all Bulk 12).
            At 5 calls/day (max_daily_api_calls): 1.80 days; it spans 2 24-hour windows, pausing 1 time for the budget.
            Keep updated hourly: 96 calls/day.
            Seed formula: suggested budget (daily limit − other integrations) ÷ 2 = 45,000 calls/day.
            Seed's naive estimate (records ÷ daily calls): 24,300 days; sfconnect: 1.80 days.
            This estimate used 1 API call.

            """)
    }

    @Test("renders JSON that decodes back to the same report")
    func json() throws {
        let text = try report.json()
        #expect(text.contains("\"firstRunCalls\" : 9"))
        #expect(text.contains("\"suggestedBudget\" : 45000"))
        #expect(try JSONDecoder().decode(EstimateReport.self, from: Data(text.utf8)) == report)
    }
}
