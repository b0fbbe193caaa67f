import ConnectorCore
import Foundation
import ImportEngine
import SalesforceSimulator
import Store
import Testing

/// The run table after real imports against the simulator: records, API calls (as the simulator
/// counted them), warnings, errors, state and times.
@Suite("Run records against the simulator")
struct RunRecordSimulatorTests {
    static let job = "kind: import\nauthorization: simulator\napi: rest\nimport_contacts: false\nimport_opportunities: false\n"

    @Test("a completed run's row holds its records, the simulator's API call count and its warning; a failed run's row its error")
    func runRows() async throws {
        let org = OrgSetup(options: OrgOptions(stateCountryPicklists: false), sizes: OrgSizes(leads: 300, accounts: 60))
        try await SimulatorImportRig.with(org: org) { rig in
            rig.clock.advance(by: 600)
            let good = try rig.job(Self.job + "leads: {}\naccounts: {}\n", name: "run_rows")
            try await rig.admin("/__admin/reset-counters")
            let report = await rig.run(good, batchSize: 200)
            let used = rig.sim.apiCallsUsed()
            let measured = try await Self.dataCalls(rig)
            #expect(report.outcome == .completed, "\(report.errors)")
            let row = try #require(try rig.store.runs(job: good.name).first)
            #expect(try rig.store.runs(job: good.name).count == 1)
            #expect(row.state == .succeeded && row.message == nil)
            #expect(row.records == 360 && row.records == report.stored)
            #expect(row.apiCalls == measured && row.apiCalls == used && row.apiCalls == report.apiCalls,
                    "run row \(row.apiCalls), simulator endpoints \(measured), simulator usage \(used)")
            #expect(row.apiCalls == 7, "a describe and a COUNT() per object, two pages of leads and one of accounts")
            #expect(row.warnings == 1 && report.warnings.count == 1, "the skipped *CountryCode/*StateCode fields: \(report.warnings)")
            #expect(row.errors == 0)
            #expect(row.startedAt == report.started && row.endedAt == report.ended)

            let bad = try rig.job(Self.job + "leads: {}\naccounts:\n  additional_fields: [Favourite_Colour__c]\n", name: "run_rows_bad")
            try await rig.admin("/__admin/reset-counters")
            let failed = await rig.run(bad, batchSize: 200)
            let failedCalls = try await Self.dataCalls(rig)
            #expect(failed.outcome == .failed)
            let failedRow = try #require(try rig.store.runs(job: bad.name).first)
            #expect(failedRow.state == .failed)
            #expect(failedRow.errors == 1 && failed.errors.count == 1)
            #expect(failedRow.records == 0 && failedRow.warnings == 0 && failed.warnings.isEmpty)
            #expect(failedRow.apiCalls == failedCalls && failedCalls == 2, "one describe per object, then the plan stops it")
            #expect(failedRow.message?.contains("Account has no field 'Favourite_Colour__c'") == true, "\(failedRow.message ?? "-")")
        }
    }

    /// Calls the simulator counted on `/services/data/…` since the last counter reset.
    static func dataCalls(_ rig: SimulatorImportRig) async throws -> Int {
        let counters = (try await rig.admin("/__admin/calls", method: "GET")["endpoints"] as? [String: Int]) ?? [:]
        return counters.filter { $0.key.contains(" /services/data/") }.values.reduce(0, +)
    }
}
