import Foundation
import Testing
@testable import SalesforceSimulator

/// A request target longer than Salesforce's 16,384 bytes gets its front end's HTML 414 page.
@Suite("Simulator URI length limit (414 URI Too Long)")
struct URILimitTests {
    static let base = "/services/data/v60.0/query?q="
    static func encoded(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed)!
    }
    static func targetLength(_ soql: String) -> Int { base.utf8.count + encoded(soql).utf8.count }

    /// A valid query whose GET target (`/services/data/v60.0/query?q=…`) is exactly `n` bytes,
    /// padded with `AND LastName != '…'` terms of at most 3,000 characters (Salesforce allows 4,000).
    static func soql(targetLength n: Int) -> String {
        var soql = "SELECT Id, LastName FROM Lead WHERE LastName != 'x'"
        let term = " AND LastName != '"
        let termCost = encoded(term).utf8.count + encoded("'").utf8.count
        while targetLength(soql) + termCost + 3000 < n - 200 {
            soql += term + String(repeating: "a", count: 3000) + "'"
        }
        soql += term + String(repeating: "b", count: n - targetLength(soql) - termCost) + "'"
        precondition(targetLength(soql) == n)
        return soql
    }

    static func seedLead(_ sim: RunningSimulator) throws {
        try sim.store.write { (b: inout OrgWriteBatch) throws(SimulatorError) in
            _ = try b.insert("Lead", ["LastName": .string("Smith"), "Company": .string("Acme")])
        }
    }

    static func endpoints(_ sim: RunningSimulator) async throws -> [String: Int] {
        let calls = try await Wire.send("GET", sim.baseURL + "/__admin/calls")
        let raw = calls.object["endpoints"] as? [String: Any] ?? [:]
        return raw.compactMapValues { ($0 as? NSNumber)?.intValue }
    }

    @Test("A 16,384-byte query target is answered; one byte more gets 414 with Salesforce's HTML page, uncounted")
    func boundary() async throws {
        try await withSimulator { sim in
            try Self.seedLead(sim)
            let token = try await Wire.accessToken(sim)
            let fits = try await Wire.query(sim, Self.soql(targetLength: 16_384), token: token)
            #expect(fits.status == 200)
            #expect((fits.object["totalSize"] as? NSNumber)?.intValue == 1)
            let usage = sim.state.usage(now: Date())

            let over = try await Wire.query(sim, Self.soql(targetLength: 16_385), token: token)
            #expect(over.status == 414)
            #expect(String(decoding: over.body, as: UTF8.self) == "<h1>Bad Message 414</h1><pre>reason: URI Too Long</pre>")
            #expect(over.headers["content-type"]?.hasPrefix("text/html") == true)
            #expect(over.headers["sforce-limit-info"] == nil)
            #expect(sim.state.usage(now: Date()) == usage)
            let endpoints = try await Self.endpoints(sim)
            #expect(endpoints["414 GET /services/data/vXX.X/query"] == 1)
            #expect(endpoints["GET /services/data/vXX.X/query"] == 1)
        }
    }

    @Test("The 414 comes before authentication: a long target without a session is still 414, not 401")
    func beforeAuth() async throws {
        try await withSimulator { sim in
            let over = try await Wire.query(sim, Self.soql(targetLength: 20_000), token: "")
            #expect(over.status == 414)
            #expect(over.array.isEmpty)
        }
    }

    @Test("The limit is configurable and counts the query string of any endpoint")
    func configurable() async throws {
        try await withSimulator(.init(maxURILength: 1_000)) { sim in
            let token = try await Wire.accessToken(sim)
            #expect(try await Wire.query(sim, Self.soql(targetLength: 1_000), token: token).status == 200)
            #expect(try await Wire.query(sim, Self.soql(targetLength: 1_001), token: token).status == 414)
            let limits = "/services/data/v60.0/limits?pad=" + String(repeating: "z", count: 1_000)
            #expect(try await Wire.get(sim, limits, token: token).status == 414)
            let endpoints = try await Self.endpoints(sim)
            #expect(endpoints["414 GET /services/data/vXX.X/limits"] == 1)
        }
    }
}
