import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceAPI
import SalesforceSimulator
import Testing

/// Values that could break out of a SOQL string literal, written with the real client, then found
/// with queries made by the project's SOQL builder and sent to the simulator over HTTPS.
@Suite("SOQL escaping through the client against the simulator")
struct SOQLEscapingSimulatorTests {
    /// Each must be found exactly, by itself.
    static let hostile = [
        "line one\nline two", "Zoë 東京", "O'Brien \"Jr\"", "back\\slash\\", "50% off", "under_score",
        "tab\there", "' OR LastName != '", "\\' OR Id != null OR LastName = '",
    ]
    /// Decoys a `%` or `_` taken as a wildcard would match.
    static let decoys = ["50X off", "underXscore", "500 off", "line one", "Zoe 東京"]

    static func seed(_ h: ClientHarness) async throws {
        let records: [SalesforceRecord] = (hostile + decoys).map { ["LastName": .string($0), "Company": .string("Acme")] }
        let results = try await h.client.create("Lead", records: records)
        #expect(results.filter { !$0.success }.isEmpty, "\(results)")
    }

    static func lastNames(_ h: ClientHarness, _ predicate: SOQLPredicate) async throws -> [String] {
        let query = try SOQLQuery().select(["Id", "LastName"]).from("Lead").where(predicate)
            .orderBy([(field: "LastName", ascending: true, nullsLast: nil)])
        return try await h.client.query(query).allRecords().compactMap { $0["LastName"]?.stringValue }
    }

    @Test("an equality WHERE on each hostile value finds exactly that record", arguments: hostile)
    func equality(value: String) async throws {
        try await withClient { h in
            try await Self.seed(h)
            #expect(try await Self.lastNames(h, try .eq("LastName", .string(value))) == [value])
        }
    }

    @Test("an IN list of every hostile value finds all of them and no decoy")
    func inList() async throws {
        try await withClient { h in
            try await Self.seed(h)
            let found = try await Self.lastNames(h, try .in("LastName", Self.hostile.map { .string($0) }))
            #expect(Set(found) == Set(Self.hostile) && found.count == Self.hostile.count)
        }
    }

    @Test("LIKE with a literal % or _ matches only the literal, not the wildcard")
    func likeLiteral() async throws {
        try await withClient { h in
            try await Self.seed(h)
            #expect(try await Self.lastNames(h, try .like("LastName", .likePattern("50%", .prefix))) == ["50% off"])
            #expect(try await Self.lastNames(h, try .like("LastName", .likePattern("r_s", .contains))) == ["under_score"])
            #expect(try await Self.lastNames(h, try .like("LastName", .likePattern("% off", .suffix))) == ["50% off"])
            #expect(try await Self.lastNames(h, try .like("LastName", .likePattern("slash\\", .contains))) == ["back\\slash\\"])
            // The control: unescaped wildcards match the decoys too.
            #expect(try await Self.lastNames(h, try .like("LastName", .likePattern("50", .prefix))) == ["50% off", "500 off", "50X off"])
        }
    }
}
