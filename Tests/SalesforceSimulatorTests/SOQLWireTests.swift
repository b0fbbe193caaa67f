import Foundation
import Testing
@testable import SalesforceSimulator

/// The SOQL grammar through `GET /services/data/v60.0/query?q=` (not the engine directly): the JSON
/// rows compared with what the seeded contacts make Salesforce return.
@Suite("Simulator SOQL over HTTP")
struct SOQLWireTests {
    /// LastName, FirstName, Department, Birthdate, LeadSource.
    static let seed: [(String, String?, String?, String?, String)] = [
        ("O'Brien", "Ann", "Sales", "1980-05-01", "Web"),
        ("Back\\slash", "Bob", "Sales", "1990-01-15", "Phone Inquiry"),
        ("Smith", nil, "Support", nil, "Web"),
        ("Smythe", "Cy", nil, "1975-12-31", "Other"),
        ("Jones", "Dee", "Sales", "2000-02-29", "Partner Referral"),
        ("100% Sure", "Eve", "Support", "1985-01-01", "Purchased List"),
        ("100 Percent", "Fay", nil, nil, "Other"),
    ]

    static func store() throws -> OrgStore {
        let store = OrgStore(schema: OrgSchema(), clock: { QueryFixture.t0 })
        try store.write { (b: inout OrgWriteBatch) throws(SimulatorError) in
            for (last, first, department, birthdate, source) in seed {
                var values: [String: SimValue] = ["LastName": .string(last), "LeadSource": .string(source)]
                if let first { values["FirstName"] = .string(first) }
                if let department { values["Department"] = .string(department) }
                if let birthdate { values["Birthdate"] = .string(birthdate) }
                _ = try b.insert("Contact", values)
            }
        }
        return store
    }

    /// The rows of a query answer without `attributes`, every value as text (`null` for JSON null).
    static func rows(_ r: WireResponse) -> [[String: String]] {
        ((r.object["records"] as? [[String: Any]]) ?? []).map { row in
            var out: [String: String] = [:]
            for (k, v) in row where k != "attributes" { out[k] = v is NSNull ? "null" : "\(v)" }
            return out
        }
    }

    /// Runs `soql` through the query route and returns the LastName of each row, in order.
    static func lastNames(_ sim: RunningSimulator, _ token: String, _ soql: String) async throws -> [String] {
        let r = try await Wire.query(sim, soql, token: token)
        #expect(r.status == 200, "\(soql): \(String(decoding: r.body, as: UTF8.self))")
        let rows = rows(r)
        #expect((r.object["totalSize"] as? NSNumber)?.intValue == rows.count)
        return rows.map { $0["LastName"] ?? "?" }
    }

    @Test("LIKE is case-insensitive with _ and %; an escaped \\% matches only a literal percent sign")
    func like() async throws {
        try await withSimulator(store: try Self.store()) { sim in
            let t = try await Wire.accessToken(sim)
            #expect(try await Self.lastNames(sim, t, "SELECT LastName FROM Contact WHERE LastName LIKE 'sm_th%' ORDER BY LastName")
                    == ["Smith", "Smythe"])
            #expect(try await Self.lastNames(sim, t, "SELECT LastName FROM Contact WHERE LastName LIKE '100%' ORDER BY LastName")
                    == ["100 Percent", "100% Sure"])
            #expect(try await Self.lastNames(sim, t, #"SELECT LastName FROM Contact WHERE LastName LIKE '100\%%'"#)
                    == ["100% Sure"])
        }
    }

    @Test("NOT IN excludes the listed values; NOT with parentheses negates the whole group")
    func notInAndNot() async throws {
        try await withSimulator(store: try Self.store()) { sim in
            let t = try await Wire.accessToken(sim)
            #expect(try await Self.lastNames(
                sim, t, "SELECT LastName FROM Contact WHERE LeadSource NOT IN ('Web', 'Other') ORDER BY LastName")
                    == ["100% Sure", "Back\\slash", "Jones"])
            #expect(try await Self.lastNames(
                sim, t, "SELECT LastName FROM Contact WHERE NOT (Department = 'Sales' AND Birthdate < 1985-01-01) "
                    + "AND (LeadSource = 'Web' OR Department = null) ORDER BY LastName")
                    == ["100 Percent", "Smith", "Smythe"])
            #expect(try await Self.lastNames(
                sim, t, "SELECT LastName FROM Contact WHERE NOT (LeadSource IN ('Web', 'Other') OR Department = 'Sales') ORDER BY LastName")
                    == ["100% Sure"])
        }
    }

    @Test("ORDER BY several fields with DESC and NULLS FIRST/LAST")
    func orderBy() async throws {
        try await withSimulator(store: try Self.store()) { sim in
            let t = try await Wire.accessToken(sim)
            let grouped = try await Wire.query(
                sim, "SELECT LastName, Department, Birthdate FROM Contact "
                    + "ORDER BY Department DESC NULLS LAST, Birthdate ASC NULLS FIRST, LastName ASC", token: t)
            #expect(grouped.status == 200)
            #expect(Self.rows(grouped) == [
                ["LastName": "Smith", "Department": "Support", "Birthdate": "null"],
                ["LastName": "100% Sure", "Department": "Support", "Birthdate": "1985-01-01"],
                ["LastName": "O'Brien", "Department": "Sales", "Birthdate": "1980-05-01"],
                ["LastName": "Back\\slash", "Department": "Sales", "Birthdate": "1990-01-15"],
                ["LastName": "Jones", "Department": "Sales", "Birthdate": "2000-02-29"],
                ["LastName": "100 Percent", "Department": "null", "Birthdate": "null"],
                ["LastName": "Smythe", "Department": "null", "Birthdate": "1975-12-31"],
            ])
            #expect(try await Self.lastNames(sim, t, "SELECT LastName FROM Contact ORDER BY Birthdate DESC NULLS LAST, LastName DESC")
                    == ["Jones", "Back\\slash", "100% Sure", "O'Brien", "Smythe", "Smith", "100 Percent"])
            // ASC puts nulls first unless told otherwise.
            #expect(try await Self.lastNames(sim, t, "SELECT LastName FROM Contact ORDER BY Department, LastName DESC LIMIT 4")
                    == ["Smythe", "100 Percent", "O'Brien", "Jones"])
        }
    }

    @Test("an unquoted date literal filters a date field, and dates come back as yyyy-MM-dd")
    func dateLiteral() async throws {
        try await withSimulator(store: try Self.store()) { sim in
            let t = try await Wire.accessToken(sim)
            let r = try await Wire.query(
                sim, "SELECT LastName, Birthdate FROM Contact WHERE Birthdate >= 1985-01-01 AND Birthdate < 2000-02-29 "
                    + "ORDER BY Birthdate", token: t)
            #expect(r.status == 200)
            #expect(Self.rows(r) == [["LastName": "100% Sure", "Birthdate": "1985-01-01"],
                                     ["LastName": "Back\\slash", "Birthdate": "1990-01-15"]])
            #expect(try await Self.lastNames(sim, t, "SELECT LastName FROM Contact WHERE Birthdate = 2000-02-29") == ["Jones"])
        }
    }

    @Test("quoted strings with \\' and \\\\ escapes match the stored quote and backslash")
    func escapes() async throws {
        try await withSimulator(store: try Self.store()) { sim in
            let t = try await Wire.accessToken(sim)
            let quote = try await Wire.query(sim, #"SELECT LastName, FirstName FROM Contact WHERE LastName = 'O\'Brien'"#, token: t)
            #expect(Self.rows(quote) == [["LastName": "O'Brien", "FirstName": "Ann"]])
            let slash = try await Wire.query(sim, #"SELECT LastName, FirstName FROM Contact WHERE LastName = 'Back\\slash'"#, token: t)
            #expect(Self.rows(slash) == [["LastName": "Back\\slash", "FirstName": "Bob"]])
            #expect(try await Self.lastNames(
                sim, t, #"SELECT LastName FROM Contact WHERE LastName IN ('O\'Brien', 'Back\\slash') ORDER BY LastName"#)
                    == ["Back\\slash", "O'Brien"])
            // A lone backslash is not an escape: Salesforce refuses it.
            let bad = try await Wire.query(sim, #"SELECT LastName FROM Contact WHERE LastName = 'Back\slash'"#, token: t)
            #expect(bad.status == 400)
            #expect(bad.array.first?["errorCode"] as? String == "MALFORMED_QUERY")
        }
    }
}
