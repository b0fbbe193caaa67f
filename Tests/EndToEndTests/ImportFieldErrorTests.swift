import Foundation
import HTTPTransport
import SalesforceSimulator
import Testing

/// An `additional_fields` entry the org lacks, through the built CLI against the simulator.
@Suite("sfconnect run (import): an additional field the org lacks")
struct ImportFieldErrorTests {
    @Test("exits 78 naming the field and the object before any page is read; the object before it stores nothing either")
    func missingAdditionalField() async throws {
        let ws = try await SimWorkspace.start("import-field", sizes: OrgSizes(leads: 50, accounts: 10))
        defer { Task { await ws.stop() } }
        let job = try ws.job("fields.yaml", """
            kind: import
            authorization: simulator
            api: rest
            import_contacts: false
            import_opportunities: false
            leads: {}
            accounts:
              additional_fields: [Rating, Favourite_Colour__c]
            """)
        let r = try await ws.run(["run", job, "--once", "--mappings", ws.mappings])
        #expect(r.status == 78, "\(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains("Account has no field 'Favourite_Colour__c' in this org"), "\(r.stderr)")
        #expect(r.stderr.contains("Setup > Object Manager > Account > Fields & Relationships"), "\(r.stderr)")
        #expect(!r.stderr.contains("'Rating'"), "only the missing field is named: \(r.stderr)")

        let calls = try await Self.counters(ws)
        let queries = calls.filter { $0.key.contains("/query") || $0.key.contains("/jobs/") }
        #expect(queries.isEmpty, "no COUNT() and no page before the error: \(calls)")
        #expect(calls.filter { $0.key.hasSuffix("/describe") }.values.reduce(0, +) == 2, "\(calls)")
        let list = try await ws.run(["streams", "list"])
        #expect(list.status == 0 && !list.stdout.contains("salesforce_leads") && !list.stdout.contains("salesforce_accounts"),
                "\(list.stdout)")
    }

    /// `/__admin/calls` endpoint counters of the simulator ("METHOD /services/data/vXX.X/…" → calls).
    static func counters(_ ws: SimWorkspace) async throws -> [String: Int] {
        let t = CurlTransport(configuration: TransportConfiguration(caFile: ws.sim.caFile))
        defer { t.closeIdleConnections() }
        let r = try await t.send(HTTPRequest(method: "GET", url: ws.sim.baseURL + "/__admin/calls", headers: [:], body: nil))
        struct Body: Decodable { var endpoints: [String: Int] }
        return try JSONDecoder().decode(Body.self, from: r.body).endpoints
    }
}
