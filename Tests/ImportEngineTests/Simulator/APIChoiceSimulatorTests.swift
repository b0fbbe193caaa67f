import ConnectorCore
import Foundation
import ImportEngine
import SalesforceConnector
import SalesforceSimulator
import Store
import Testing

/// `api: auto` through the real client: the first load's `COUNT()` against the Bulk threshold
/// picks Bulk API 2.0, the simulator's per-endpoint counters show which routes were read, and the
/// incremental run after it reads REST pages.
@Suite("api: auto against the simulator")
struct APIChoiceSimulatorTests {
    static let leadsJob = "kind: import\nauthorization: simulator\napi: auto\nimport_contacts: false\nimport_accounts: false\nimport_opportunities: false\nleads: {}\n"

    @Test("a first load at the Bulk threshold runs Bulk API 2.0 query jobs; the next incremental run reads REST query pages")
    func bulkFirstLoadThenRest() async throws {
        try await SimulatorImportRig.with(org: OrgSetup(sizes: OrgSizes(leads: 1_200))) { rig in
            rig.clock.advance(by: 600)
            let job = try rig.job(Self.leadsJob, tuning: ImportJobSpecs.Tuning(bulkThreshold: 1_200))
            try await rig.admin("/__admin/reset-counters")
            let first = await rig.run(job, batchSize: 200, bulkPageSize: 500)
            #expect(first.outcome == .completed && first.stored == 1_200, "\(first.errors)")
            #expect(first.objects.first?.api == .bulk, "1,200 rows counted, threshold 1,200: Bulk")
            let bulkCalls = try await Self.counters(rig)
            #expect(Self.sum(bulkCalls, "POST /services/data/vXX.X/jobs/query") == 1, "\(bulkCalls)")
            #expect(Self.sum(bulkCalls, "GET /services/data/vXX.X/jobs/query/", suffix: "/results") >= 3,
                    "1,200 rows in result pages of 500: \(bulkCalls)")
            #expect(Self.sum(bulkCalls, "GET /services/data/vXX.X/query") == 1, "only the COUNT() went by REST: \(bulkCalls)")
            #expect(try rig.store.checkpoint(job: job.name, object: "Lead")?.phase == .complete)

            let changed = rig.firstIDs("Lead", 30)
            try await rig.admin("/__admin/org/update", ["object": "Lead", "ids": changed, "secondsAgo": 300,
                                                        "values": ["Title": "Read by REST"]])
            rig.clock.advance(by: 600)
            try await rig.admin("/__admin/reset-counters")
            let second = await rig.run(job, batchSize: 200, bulkPageSize: 500)
            #expect(second.outcome == .completed && second.stored == 30, "\(second.errors) \(second.objects)")
            #expect(second.objects.first?.api == .rest, "an incremental window reads REST")
            let restCalls = try await Self.counters(rig)
            #expect(Self.sum(restCalls, "/jobs/query", anywhere: true) == 0, "no Bulk route in the incremental run: \(restCalls)")
            #expect(Self.sum(restCalls, "GET /services/data/vXX.X/query") >= 2, "COUNT() and the page: \(restCalls)")
            #expect(Self.sum(restCalls, "GET /services/data/vXX.X/queryAll") >= 1, "the deletes pass: \(restCalls)")
            let titles = try rig.stored("salesforce_leads").filter { $0.fields["lead_title"] == .string("Read by REST") }
            #expect(Set(titles.map(\.id)) == Set(changed))
        }
    }

    @Test("a first load one row below the Bulk threshold reads REST pages")
    func belowThresholdIsRest() async throws {
        try await SimulatorImportRig.with(org: OrgSetup(sizes: OrgSizes(leads: 1_200))) { rig in
            rig.clock.advance(by: 600)
            let job = try rig.job(Self.leadsJob, tuning: ImportJobSpecs.Tuning(bulkThreshold: 1_201))
            try await rig.admin("/__admin/reset-counters")
            let report = await rig.run(job, batchSize: 500)
            #expect(report.outcome == .completed && report.stored == 1_200, "\(report.errors)")
            #expect(report.objects.first?.api == .rest)
            let calls = try await Self.counters(rig)
            #expect(Self.sum(calls, "/jobs/query", anywhere: true) == 0, "\(calls)")
            #expect(Self.sum(calls, "GET /services/data/vXX.X/query") >= 4, "COUNT() and three pages of 500: \(calls)")
        }
    }

    /// `/__admin/calls` endpoint counters: "METHOD /services/data/vXX.X/…" → calls.
    static func counters(_ rig: SimulatorImportRig) async throws -> [String: Int] {
        (try await rig.admin("/__admin/calls", method: "GET")["endpoints"] as? [String: Int]) ?? [:]
    }

    /// Calls of the endpoints whose key starts with `prefix` (REST query pages: `…/query` and
    /// `…/query/<locator>`, not `…/queryAll`), or contains it with `anywhere`.
    static func sum(_ counters: [String: Int], _ prefix: String, suffix: String = "", anywhere: Bool = false) -> Int {
        counters.filter { key, _ in
            if anywhere { return key.contains(prefix) }
            guard key.hasPrefix(prefix), key.hasSuffix(suffix) else { return false }
            let rest = key.dropFirst(prefix.count)
            return rest.isEmpty || rest.hasPrefix("/") || prefix.hasSuffix("/")
        }.values.reduce(0, +)
    }
}
