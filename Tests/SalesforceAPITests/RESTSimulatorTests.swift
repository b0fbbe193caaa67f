import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceAPI
import SalesforceSimulator
import Testing

/// The real client against the simulator's REST read routes over HTTPS on loopback.
@Suite("REST against the simulator")
struct RESTSimulatorTests {
    static func seedLeads(_ sim: RunningSimulator, _ n: Int, email: (Int) -> String = { "lead\($0)@example.com" }) throws {
        try sim.store.write { (b: inout OrgWriteBatch) throws(SimulatorError) in
            for i in 0..<n {
                try b.insert("Lead", ["LastName": .string("Last\(i)"), "Company": .string("Co \(i)"),
                                      "Email": .string(email(i))])
            }
        }
    }

    @Test("2,000 leads at batchSize 200 arrive as 10 pages in 10 API calls")
    func tenPages() async throws {
        try await withClient(client: .init(queryBatchSize: 200)) { h in
            try Self.seedLeads(h.sim, 2000)
            _ = try await h.tokens.token()
            try await h.admin("POST", "/__admin/reset-counters")
            var sizes: [Int] = []
            var ids = Set<String>()
            for try await page in try h.client.query("SELECT Id, Email FROM Lead ORDER BY Id") {
                sizes.append(page.records.count)
                for r in page.records { if let id = r["Id"]?.stringValue { ids.insert(id) } }
                #expect(page.totalSize == 2000)
            }
            #expect(sizes == Array(repeating: 200, count: 10))
            #expect(ids.count == 2000)
            #expect(try await h.calls(matching: "GET /services/data/vXX.X/query") == 10)
            #expect(await h.gate.acquired == 10)
            #expect(await h.gate.usages.last?.used == 10)
        }
    }

    @Test("batchSize 500 gives 4 pages; the default gives 1")
    func batchSize() async throws {
        try await withClient { h in
            try Self.seedLeads(h.sim, 2000)
            var pages = 0
            for try await _ in try h.client.query("SELECT Id FROM Lead", batchSize: 500) { pages += 1 }
            #expect(pages == 4)
            pages = 0
            for try await _ in try h.client.query("SELECT Id FROM Lead") { pages += 1 }
            #expect(pages == 1)
        }
    }

    @Test("describe is typed and cached: two describes (even concurrent) make one call")
    func describeCached() async throws {
        try await withClient { h in
            async let a = h.client.describe("Lead")
            async let b = h.client.describe("lead")
            let (lead, again) = try await (a, b)
            #expect(lead == again)
            #expect(lead.name == "Lead")
            let last = try #require(lead.field("LastName"))
            #expect(last.type == "string" && !last.nillable && last.createable && last.length > 0)
            #expect(lead.field("Email")?.type == "email")
            #expect(lead.field("Id")?.idLookup == true)
            #expect(lead.field("LeadSource")?.picklistValues.isEmpty == false)
            _ = try await h.client.describe("Lead")
            #expect(try await h.calls()["GET /services/data/vXX.X/sobjects/Lead/describe"] == 1)
            let global = try await h.client.describeGlobal()
            #expect(global.object("Contact") != nil)
        }
    }

    @Test("an unknown field or object fails as configuration with the object named")
    func configurationErrors() async throws {
        try await withClient { h in
            do {
                _ = try await h.client.query("SELECT Id, Nope__c FROM Lead", sobject: "Lead").allRecords()
                Issue.record("INVALID_FIELD expected")
            } catch let e as SalesforceError {
                #expect(e.errorCode == "INVALID_FIELD")
                #expect(e.disposition == .failConfiguration)
                #expect(e.description.contains("Object: Lead"))
            }
            await #expect { _ = try await h.client.describe("Nope__c") } throws: { e in
                (e as? SalesforceError)?.disposition == .failConfiguration
            }
        }
    }

    @Test("count, recordCount and getDeleted; queryAll sees a deleted lead that query does not")
    func countsAndDeletes() async throws {
        try await withClient { h in
            try Self.seedLeads(h.sim, 30)
            let victim = try #require(try await h.client.query("SELECT Id FROM Lead ORDER BY Id LIMIT 1").allRecords()
                .first?["Id"]?.stringValue)
            // getDeleted covers whole past minutes only (latestDateCovered), so delete two minutes ago.
            let now = Date()
            try h.sim.store.write(stamp: now.addingTimeInterval(-120)) { (b: inout OrgWriteBatch) throws(SimulatorError) in
                try b.delete("Lead", id: victim)
            }
            #expect(try await h.client.count("SELECT COUNT() FROM Lead") == 29)
            let all = try await h.client.queryAll("SELECT Id, IsDeleted FROM Lead WHERE IsDeleted = true").allRecords()
            #expect(all.compactMap { $0["Id"]?.stringValue } == [victim])
            #expect(try await h.client.recordCount(["Lead", "Contact"])["Lead"] == 29)
            let deleted = try await h.client.getDeleted("Lead", start: now.addingTimeInterval(-3600),
                                                        end: now.addingTimeInterval(60))
            #expect(deleted.records.map(\.id) == [victim])
        }
    }

    @Test("an IN lookup of 3,000 hostile emails is split under the URL limit and finds every lead")
    func lookupSplit() async throws {
        let email: (Int) -> String = { "o'brien+\($0)%_\\\"@example.com" }
        try await withClient(client: .init(maxURLLength: 4000)) { h in
            try Self.seedLeads(h.sim, 3000, email: email)
            try await h.admin("POST", "/__admin/reset-counters")
            let values = (0..<3000).map(email) + ["nobody@example.com"]
            let matches = try await h.client.lookupIDs(object: "Lead", field: "Email", values: values)
            #expect(Set(matches.compactMap { $0.value.stringValue }) == Set((0..<3000).map(email)))
            let calls = try await h.calls(matching: "GET /services/data/vXX.X/query")
            #expect(calls > 1)
        }
    }
}
