import BudgetScheduler
import Definitions
import Foundation
import Testing

/// The authorization loader and the budget scheduler take the same `reserve_percent` values.
@Suite struct ReserveAgreementTests {
    @Test("every reserve_percent the loader accepts the scheduler takes, and 100 is refused by both")
    func loaderAndSchedulerAgree() {
        for percent in 0...100 {
            let yaml = "method: oauth2_refresh_token\nclient_id: i\nclient_secret: ${S}\nrefresh_token: ${S}\nreserve_percent: \(percent)\n"
            let loaded = (try? AuthorizationLoader.parse(yaml, file: "/cfg/a.yaml", environment: ["S": "s"])) != nil
            let scheduled = (try? BudgetConfiguration(reservePercent: Double(percent)).validated(org: "00D1")) != nil
            #expect(loaded == scheduled, "reserve_percent \(percent): loader \(loaded), scheduler \(scheduled)")
            #expect(loaded == (percent < 100))
        }
    }
}
