import Foundation
import Testing
@testable import SalesforceAPI

@Suite("SOQLBuilder queries")
struct SOQLBuilderQueryTests {
    @Test("Invalid field and object names are rejected with an actionable sentence")
    func invalidNames() throws {
        let error = #expect(throws: SOQLBuildError.self) { try SOQLQuery().select(["Em ail"]) }
        #expect(error?.description ==
            "'Em ail' is not a Salesforce API name; use the field's API name from describe (letters, digits and underscores).")
        for bad in ["", "1Name", "Name_", "A___b", "Account.", ".Name", "Name;DROP", "Name'", "é"] {
            #expect(throws: SOQLBuildError.self) { try SOQLPredicate.eq(bad, .int(1)) }
        }
        #expect(throws: SOQLBuildError.self) { try SOQLQuery().from("Account WHERE") }
        #expect(throws: SOQLBuildError.self) { try SOQLQuery().orderBy([("Bad Field", true, nil)]) }
        _ = try SOQLQuery().select(["Id", "Account.Owner.Name", "ns__Field__c", "Parent__r.Name"])
    }

    @Test("AND, OR and NOT render with explicit parentheses")
    func precedence() throws {
        let p = try SOQLPredicate.or([
            .and([.eq("A", .int(1)), .eq("B", .int(2))]),
            .not(.or([.lt("C", .int(3)), .ge("D", .int(4))])),
        ])
        #expect(p.render() == "((A = 1 AND B = 2) OR (NOT (C < 3 OR D >= 4)))")
        #expect(try SOQLPredicate.and([.le("X", .int(1))]).render() == "X <= 1")
        #expect(throws: SOQLBuildError.self) { try SOQLPredicate.or([]) }
    }

    @Test("The keyset predicate renders the exact cursor condition")
    func keyset() throws {
        let t = Date(timeIntervalSince1970: 1_706_720_709.5)
        let p = try SOQLPredicate.keysetAfter(timestampField: "SystemModstamp", timestamp: t, id: "001000000000001AAA")
        #expect(p.render() == "(SystemModstamp > 2024-01-31T17:05:09Z OR "
            + "(SystemModstamp = 2024-01-31T17:05:09Z AND Id > '001000000000001AAA'))")
    }

    @Test("A full query renders select, subquery, where, order by and limit")
    func fullQuery() throws {
        let contacts = try SOQLQuery().select(["Id", "Email"]).from("Contacts")
        let q = try SOQLQuery().select(["Id", "Name"]).select(subquery: contacts).from("Account")
            .where(.in("Type", [.string("A"), .string("B")]))
            .where(.notIn("Industry", [.string("X")]))
            .orderBy([("Name", true, true), ("Id", false, nil)]).limit(200)
        #expect(q.render() == "SELECT Id, Name, (SELECT Id, Email FROM Contacts) FROM Account "
            + "WHERE (Type IN ('A', 'B') AND Industry NOT IN ('X')) "
            + "ORDER BY Name ASC NULLS LAST, Id DESC LIMIT 200")
        #expect(throws: SOQLBuildError.self) { try SOQLQuery().limit(0) }
        #expect(throws: SOQLBuildError.self) { try SOQLPredicate.in("Id", []) }
    }

    @Test("Percent-encoding escapes plus, ampersand, hash and spaces")
    func percentEncoding() throws {
        let q = try SOQLQuery().select(["Id"]).from("Account")
            .where(.and([.eq("Name", .string("A&B #1+01:00")), .eq("Note", .string("é"))]))
        let enc = q.percentEncodedQuery()
        #expect(enc == "SELECT%20Id%20FROM%20Account%20WHERE%20%28Name%20%3D%20%27A%26B%20%231%2B01%3A00%27"
            + "%20AND%20Note%20%3D%20%27%C3%A9%27%29")
        #expect(!enc.contains("+") && !enc.contains("&") && !enc.contains("#") && !enc.contains(" "))
    }

    @Test("The URL-length guard compares the whole path and query with the limit")
    func lengthGuard() throws {
        let q = try SOQLQuery().select(["Id"]).from("Account")
        let base = "/services/data/v62.0/query"
        let total = base.count + 3 + q.percentEncodedQuery().count
        #expect(q.fitsInGET(basePath: base, maxURLLength: total))
        #expect(!q.fitsInGET(basePath: base, maxURLLength: total - 1))
        #expect(q.fitsInGET(basePath: base))
    }

    @Test("A long IN list splits into parts that each fit, keeping every value once and in order")
    func inSplitting() throws {
        let base = "/services/data/v62.0/query"
        let values = (0..<3_000).map { SOQLLiteral.string(String(format: "001%015d", $0) + "&é") }
        let q = try SOQLQuery().select(["Id", "Name"]).from("Account").where(.eq("IsDeleted", .bool(false)))
        #expect(!(try q.where(.in("Id", values))).fitsInGET(basePath: base))
        let parts = try q.splittingIN(field: "Id", values: values, basePath: base)
        #expect(parts.count > 1)
        var seen: [SOQLLiteral] = []
        for part in parts {
            #expect(part.fitsInGET(basePath: base))
            guard case .and(let nodes)? = part.predicate?.node, case .list("Id", "IN", let vs) = nodes.last else {
                Issue.record("unexpected predicate \(part.render())"); continue
            }
            seen += vs
        }
        #expect(seen == values)
        // Parts are packed: adding the next value to any part but the last would overflow.
        let first = try q.where(.in("Id", Array(values[0...parts[0].inCount])))
        #expect(!first.fitsInGET(basePath: base))
    }

    @Test("A single value too long for the limit is reported instead of sent")
    func tooLong() throws {
        let q = try SOQLQuery().select(["Id"]).from("Account")
        #expect(throws: SOQLBuildError.self) {
            try q.splittingIN(field: "Id", values: [.string("x")], basePath: "/q", maxURLLength: 20)
        }
        #expect(try q.splittingIN(field: "Id", values: [], basePath: "/q").isEmpty)
    }
}

extension SOQLQuery {
    fileprivate var inCount: Int {
        if case .and(let nodes)? = predicate?.node, case .list(_, _, let vs) = nodes.last { return vs.count }
        return 0
    }
}
