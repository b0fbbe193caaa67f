import Foundation
import Testing
@testable import SalesforceSimulator

/// A small org written straight into a store.
enum QueryFixture {
    static let t0 = Date(timeIntervalSince1970: 1_706_720_709)  // 2024-01-31T17:05:09Z

    static func store(contacts: Int = 0) throws -> (OrgStore, account: String, contacts: [String]) {
        let store = OrgStore(schema: OrgSchema(), clock: { t0 })
        let (account, ids) = try store.write { b throws(SimulatorError) -> (String, [String]) in
            let a = try b.insert("Account", ["Name": .string("Acme, \"Quoted\" & Ünïcödé 🚀")])
            var ids = [try b.insert("Contact", ["LastName": .string("Line\nBreak"), "AccountId": .string(a),
                                                "Email": .string("o'neil@example.com")]),
                       try b.insert("Contact", ["LastName": .string("Orphan")])]
            for i in 0..<contacts { ids.append(try b.insert("Contact", ["LastName": .string("C\(i)"), "AccountId": .string(a)])) }
            return (a, ids)
        }
        return (store, account, ids)
    }
}

@Suite("Simulator query routes")
struct QueryRouteTests {
    @Test("records carry attributes, nested parents, null parents, child results and REST datetimes")
    func shape() async throws {
        let (store, account, contacts) = try QueryFixture.store()
        try await withSimulator(store: store) { sim in
            let token = try await Wire.accessToken(sim)
            let r = try await Wire.query(sim, "SELECT Id, LastName, Email, SystemModstamp, Account.Name FROM Contact ORDER BY LastName", token: token)
            #expect(r.status == 200)
            #expect((r.object["totalSize"] as? NSNumber)?.intValue == 2 && r.object["done"] as? Bool == true)
            #expect(r.object["nextRecordsUrl"] == nil)
            let rows = try #require(r.object["records"] as? [[String: Any]])
            let first = rows[0]
            #expect(first["attributes"] as? [String: String] == ["type": "Contact",
                                                                   "url": "/services/data/v60.0/sobjects/Contact/\(contacts[0])"])
            #expect(first["LastName"] as? String == "Line\nBreak" && first["Email"] as? String == "o'neil@example.com")
            #expect(first["SystemModstamp"] as? String == "2024-01-31T17:05:09.000+0000")
            let parent = try #require(first["Account"] as? [String: Any])
            #expect(parent["Name"] as? String == "Acme, \"Quoted\" & Ünïcödé 🚀")
            #expect((parent["attributes"] as? [String: String])?["url"] == "/services/data/v60.0/sobjects/Account/\(account)")
            #expect(rows[1]["Account"] is NSNull && rows[1]["Email"] is NSNull)
            let withKids = try await Wire.query(sim, "SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName DESC) FROM Account", token: token)
            let acc = try #require((withKids.object["records"] as? [[String: Any]])?.first)
            let kids = try #require(acc["Contacts"] as? [String: Any])
            #expect((kids["totalSize"] as? NSNumber)?.intValue == 1 && kids["done"] as? Bool == true)
            #expect((kids["records"] as? [[String: Any]])?.first?["LastName"] as? String == "Line\nBreak")
            let empty = try await Wire.query(sim, "SELECT Name, (SELECT Id FROM Opportunities) FROM Account", token: token)
            #expect((empty.object["records"] as? [[String: Any]])?.first?["Opportunities"] is NSNull)
        }
    }

    @Test("COUNT() returns totalSize and no records")
    func count() async throws {
        let (store, _, _) = try QueryFixture.store(contacts: 5)
        try await withSimulator(store: store) { sim in
            let token = try await Wire.accessToken(sim)
            let r = try await Wire.query(sim, "SELECT COUNT() FROM Contact WHERE AccountId != null", token: token)
            #expect(r.status == 200)
            #expect((r.object["totalSize"] as? NSNumber)?.intValue == 6 && r.object["done"] as? Bool == true)
            #expect((r.object["records"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("pages follow nextRecordsUrl with batchSize, totalSize of the whole result, no url on the last page")
    func paging() async throws {
        let (store, _, contacts) = try QueryFixture.store(contacts: 448)
        try await withSimulator(store: store) { sim in
            let token = try await Wire.accessToken(sim)
            let options = ["Sforce-Query-Options": "batchSize=200"]
            var r = try await Wire.query(sim, "SELECT Id FROM Contact ORDER BY Id", token: token, headers: options)
            var seen: [String] = []
            var sizes: [Int] = []
            while true {
                #expect(r.status == 200)
                #expect((r.object["totalSize"] as? NSNumber)?.intValue == 450)
                let rows = r.object["records"] as? [[String: Any]] ?? []
                sizes.append(rows.count)
                seen += rows.compactMap { $0["Id"] as? String }
                guard let next = r.object["nextRecordsUrl"] as? String else { break }
                #expect(r.object["done"] as? Bool == false)
                #expect(next.range(of: #"^/services/data/v60\.0/query/01g[0-9A-Za-z]{15}-\d+$"#, options: .regularExpression) != nil)
                #expect(next.hasSuffix("-\(seen.count)"))
                r = try await Wire.get(sim, next, token: token, headers: options)
            }
            #expect(r.object["done"] as? Bool == true)
            #expect(sizes == [200, 200, 50])
            #expect(seen == contacts.sorted())
            #expect(r.headers["sforce-limit-info"] == "api-usage=3/100000")
        }
    }

    @Test("batchSize is clamped to 200–2,000 and defaults to 2,000")
    func batchClamp() async throws {
        let (store, _, _) = try QueryFixture.store(contacts: 2098)
        try await withSimulator(store: store) { sim in
            let token = try await Wire.accessToken(sim)
            func firstPage(_ header: String?) async throws -> Int {
                let r = try await Wire.query(sim, "SELECT Id FROM Contact", token: token,
                                             headers: header.map { ["Sforce-Query-Options": $0] } ?? [:])
                return (r.object["records"] as? [Any])?.count ?? -1
            }
            #expect(try await firstPage(nil) == 2000)
            #expect(try await firstPage("batchSize=50") == 200)
            #expect(try await firstPage("batchSize=5000") == 2000)
            #expect(try await firstPage("batchSize=700") == 700)
        }
    }

    @Test("queryAll sees soft-deleted rows and pages through /query/ locators")
    func queryAll() async throws {
        let (store, _, contacts) = try QueryFixture.store(contacts: 300)
        try store.write { b throws(SimulatorError) in try b.delete("Contact", id: contacts[1]) }
        try await withSimulator(store: store) { sim in
            let token = try await Wire.accessToken(sim)
            let q = try await Wire.query(sim, "SELECT Id FROM Contact WHERE IsDeleted = true", token: token)
            #expect((q.object["totalSize"] as? NSNumber)?.intValue == 0)
            let all = try await Wire.query(sim, "SELECT Id, IsDeleted FROM Contact WHERE IsDeleted = true", token: token, all: true)
            let rows = all.object["records"] as? [[String: Any]] ?? []
            #expect(rows.map { $0["Id"] as? String } == [contacts[1]] && rows.first?["IsDeleted"] as? Bool == true)
            let paged = try await Wire.query(sim, "SELECT Id FROM Contact", token: token, all: true,
                                             headers: ["Sforce-Query-Options": "batchSize=200"])
            #expect((paged.object["totalSize"] as? NSNumber)?.intValue == 302)
            let next = try #require(paged.object["nextRecordsUrl"] as? String)
            #expect(next.contains("/query/"))
            let viaAll = try await Wire.get(sim, next.replacingOccurrences(of: "/query/", with: "/queryAll/"), token: token)
            #expect((viaAll.object["records"] as? [Any])?.count == 102 && viaAll.object["done"] as? Bool == true)
        }
    }

    @Test("bad queries are 400 error arrays in Salesforce's words", arguments: [
        ("SELECT Id, Bogus FROM Contact", "INVALID_FIELD", "No such column 'Bogus' on entity 'Contact'."),
        ("SELECT Id FROM Bogus__c", "INVALID_TYPE", "sObject type 'Bogus__c' is not supported."),
        ("SELECT Id FRM Contact", "MALFORMED_QUERY", "unexpected token: 'FRM'"),
        ("SELECT Id, Nope.Name FROM Contact", "INVALID_FIELD", "Didn't understand relationship 'Nope'"),
        ("SELECT Id, (SELECT Id FROM Nopes) FROM Account", "INVALID_TYPE", "Didn't understand relationship 'Nopes'"),
        ("SELECT Id FROM Contact WHERE CreatedDate > '2024-01-01'", "INVALID_FIELD", "must be of type dateTime"),
        ("   ", "MALFORMED_QUERY", "A query string has to be specified"),
    ])
    func errors(soql: String, code: String, text: String) async throws {
        try await withSimulator { sim in
            let token = try await Wire.accessToken(sim)
            let r = try await Wire.query(sim, soql, token: token)
            #expect(r.status == 400)
            #expect(r.array.first?["errorCode"] as? String == code)
            #expect((r.array.first?["message"] as? String)?.contains(text) == true, "\(r.array)")
            #expect(r.headers["sforce-limit-info"] == "api-usage=1/100000")
        }
    }

    @Test("an unknown or finished locator is 400 INVALID_QUERY_LOCATOR; a query without q is MALFORMED_QUERY")
    func badLocator() async throws {
        let (store, _, _) = try QueryFixture.store(contacts: 250)
        try await withSimulator(store: store) { sim in
            let token = try await Wire.accessToken(sim)
            for path in ["/query/01gSM0000000099AAA-200", "/query/garbage", "/query/01gSM0000000001AAA-x"] {
                let r = try await Wire.get(sim, "/services/data/v60.0" + path, token: token)
                #expect(r.status == 400 && r.array.first?["errorCode"] as? String == "INVALID_QUERY_LOCATOR", "\(path)")
                #expect(r.array.first?["message"] as? String == "invalid query locator")
            }
            let first = try await Wire.query(sim, "SELECT Id FROM Contact", token: token,
                                             headers: ["Sforce-Query-Options": "batchSize=200"])
            let next = try #require(first.object["nextRecordsUrl"] as? String)
            #expect(try await Wire.get(sim, next, token: token).status == 200)
            #expect(try await Wire.get(sim, next, token: token).status == 400)
            let noQ = try await Wire.get(sim, "/services/data/v60.0/query", token: token)
            #expect(noQ.status == 400 && noQ.array.first?["errorCode"] as? String == "MALFORMED_QUERY")
        }
    }
}
