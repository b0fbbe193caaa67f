import ConnectorCore
import Foundation
import SalesforceAPI
import SalesforceSimulator
import Testing

/// A query too long for a GET (the simulator answers 414 above 16,384 characters, as Salesforce
/// does) goes by a Bulk API 2.0 query job, with the same rows, types, order and limit as REST.
@Suite("Long queries by Bulk API 2.0")
struct LongQueryBulkTests {
    @Test("an IN list too long for a GET returns what the short REST query returns, ordered and limited by the client")
    func longInListGoesByBulk() async throws {
        try await withSimulatorClient { client, sim, _ in
            let leads: [SalesforceRecord] = (0..<30).map { i in
                ["LastName": .string("Long \(i % 7)"), "Company": .string("Acme"), "Email": .string("long\(i)@example.com"),
                 "NumberOfEmployees": .number(Double(i * 3))]
            }
            _ = try await client.create("Lead", records: leads)
            let known = (0..<30).map { "'long\($0)@example.com'" }
            let padding = (0..<1_500).map { "'nobody\($0)@example.com'" }
            let tail = " ORDER BY LastName DESC, Email ASC LIMIT 25"
            let select = "SELECT Id, Email, LastName, NumberOfEmployees FROM Lead WHERE Email IN ("
            let long = select + (known + padding).joined(separator: ",") + ")" + tail
            let short = select + known.joined(separator: ",") + ")" + tail
            #expect(!client.queryFitsInGET(long) && client.queryFitsInGET(short))

            let before = sim.apiCallsUsed()
            var viaBulk: [SalesforceRecord] = []
            for try await page in try client.query(long) { viaBulk += page.records }
            let bulkCalls = sim.apiCallsUsed() - before
            var viaRest: [SalesforceRecord] = []
            for try await page in try client.query(short) { viaRest += page.records }

            #expect(viaBulk.count == 25)
            func row(_ r: SalesforceRecord) -> String {
                ["Id", "Email", "LastName", "NumberOfEmployees"].map { "\(String(describing: r[$0]))" }.joined(separator: "|")
            }
            #expect(viaBulk.map(row) == viaRest.map(row))
            #expect(viaBulk.first?["NumberOfEmployees"]?.doubleValue != nil, "typed as REST types it: \(String(describing: viaBulk.first))")
            #expect(bulkCalls >= 3, "a Bulk job (create, poll, results), not one GET: \(bulkCalls) calls")
        }
    }
}
