import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Simulator record, deleted and recordCount routes")
struct RecordRouteTests {
    @Test("GET /sobjects/{Object}/{id} returns the record with attributes; ?fields= narrows it")
    func read() async throws {
        let (store, account, contacts) = try QueryFixture.store()
        try await withSimulator(store: store) { sim in
            let token = try await Wire.accessToken(sim)
            let r = try await Wire.get(sim, "/services/data/v60.0/sobjects/Contact/\(contacts[0])", token: token)
            #expect(r.status == 200)
            #expect((r.object["attributes"] as? [String: String])?["type"] == "Contact")
            #expect(r.object["Id"] as? String == contacts[0] && r.object["AccountId"] as? String == account)
            #expect(r.object["MobilePhone"] is NSNull && r.object["CreatedDate"] as? String == "2024-01-31T17:05:09.000+0000")
            let narrow = try await Wire.get(sim, "/services/data/v60.0/sobjects/Contact/\(contacts[0])?fields=Id,email",
                                            token: token)
            #expect(Set(narrow.object.keys) == ["attributes", "Id", "Email"])
            let bad = try await Wire.get(sim, "/services/data/v60.0/sobjects/Contact/\(contacts[0])?fields=Nope", token: token)
            #expect(bad.status == 400 && bad.array.first?["errorCode"] as? String == "INVALID_FIELD")
            let lower = try await Wire.get(sim, "/services/data/v60.0/sobjects/Contact/\(contacts[0].lowercased())", token: token)
            #expect(lower.status == 200 && lower.object["Id"] as? String == contacts[0])
        }
    }

    @Test("unknown, wrong-object and deleted Ids are 404 NOT_FOUND / ENTITY_IS_DELETED")
    func readErrors() async throws {
        let (store, account, contacts) = try QueryFixture.store()
        try store.write { b throws(SimulatorError) in try b.delete("Contact", id: contacts[1]) }
        try await withSimulator(store: store) { sim in
            let token = try await Wire.accessToken(sim)
            for id in [RecordID.make(prefix: "003", seq: 999), account, "garbage"] {
                let r = try await Wire.get(sim, "/services/data/v60.0/sobjects/Contact/\(id)", token: token)
                #expect(r.status == 404 && r.array.first?["errorCode"] as? String == "NOT_FOUND", "\(id)")
            }
            let gone = try await Wire.get(sim, "/services/data/v60.0/sobjects/Contact/\(contacts[1])", token: token)
            #expect(gone.status == 404 && gone.array.first?["errorCode"] as? String == "ENTITY_IS_DELETED")
            #expect(gone.array.first?["message"] as? String == "entity is deleted")
            #expect(gone.array.first?["fields"] as? [String] == [])
        }
    }

    @Test("GET by external id: one match is the record, several are 300, none or a non-id field is 404")
    func externalId() async throws {
        let file = try SchemaFile.parse(Data(OrgSchemaTests.sample.utf8), path: "s.json")
        let store = OrgStore(schema: try OrgSchema().applying(file), clock: { QueryFixture.t0 })
        let ids = try store.write { b throws(SimulatorError) in
            [try b.insert("Subscription__c", ["External_Id__c": .string("S-1")]),
             try b.insert("Subscription__c", ["External_Id__c": .string("dup")]),
             try b.insert("Subscription__c", ["External_Id__c": .string("DUP")]),
             try b.insert("Subscription__c", ["External_Id__c": .string("a/b c\u{e9}&%")])]
        }
        try await withSimulator(store: store) { sim in
            let token = try await Wire.accessToken(sim)
            let base = "/services/data/v60.0/sobjects/Subscription__c/External_Id__c/"
            let one = try await Wire.get(sim, base + "s-1", token: token)
            #expect(one.status == 200 && one.object["Id"] as? String == ids[0])
            let many = try await Wire.get(sim, base + "dup", token: token)
            #expect(many.status == 300)
            let urls = (try? JSONSerialization.jsonObject(with: many.body)) as? [String]
            #expect(urls == ids[1...2].map { "/services/data/v60.0/sobjects/Subscription__c/\($0)" })
            #expect(try await Wire.get(sim, base + "none", token: token).status == 404)
            let encoded = try await Wire.get(sim, base + "a%2Fb%20c%C3%A9%26%25", token: token)
            #expect(encoded.status == 200 && encoded.object["Id"] as? String == ids[3])
            let notExt = try await Wire.get(sim, "/services/data/v60.0/sobjects/Subscription__c/Name/x", token: token)
            #expect(notExt.status == 404)
            #expect((notExt.array.first?["message"] as? String)?.contains("Provided external ID field does not exist") == true)
        }
    }

    @Test("GET /sobjects/{Object}/deleted/ lists deletes in the window with earliestDateAvailable and latestDateCovered")
    func deleted() async throws {
        let (store, _, contacts) = try QueryFixture.store(contacts: 3)
        let deleteAt = QueryFixture.t0.addingTimeInterval(120)  // 17:07:09
        try store.write(stamp: deleteAt) { b throws(SimulatorError) in
            try b.delete("Contact", id: contacts[2])
            try b.delete("Contact", id: contacts[0])
        }
        let now = QueryFixture.t0.addingTimeInterval(3600)
        try await withSimulator(.init(now: { now }), store: store) { sim in
            let token = try await Wire.accessToken(sim)
            let path = "/services/data/v60.0/sobjects/Contact/deleted/?start=2024-01-31T17%3A00%3A00%2B00%3A00&end=2024-01-31T19%3A00%3A00Z"
            let r = try await Wire.get(sim, path, token: token)
            #expect(r.status == 200)
            let rows = try #require(r.object["deletedRecords"] as? [[String: String]])
            #expect(Set(rows.compactMap { $0["id"] }) == [contacts[0], contacts[2]])
            #expect(rows.allSatisfy { $0["deletedDate"] == "2024-01-31T17:07:09.000+0000" })
            #expect(r.object["latestDateCovered"] as? String == "2024-01-31T18:05:00.000+0000")
            #expect(r.object["earliestDateAvailable"] as? String == "2024-01-16T18:05:00.000+0000")
            let before = try await Wire.get(sim, "/services/data/v60.0/sobjects/Contact/deleted/?start=2024-01-31T17:00:00Z&end=2024-01-31T17:06:00Z", token: token)
            #expect((before.object["deletedRecords"] as? [Any])?.isEmpty == true)
            let missing = try await Wire.get(sim, "/services/data/v60.0/sobjects/Contact/deleted/?start=2024-01-31T17:00:00Z", token: token)
            #expect(missing.status == 400 && missing.array.first?["errorCode"] as? String == "MISSING_ARGUMENT")
            let bad = try await Wire.get(sim, "/services/data/v60.0/sobjects/Contact/deleted/?start=yesterday&end=2024-01-31T17:00:00Z", token: token)
            #expect(bad.status == 400 && bad.array.first?["errorCode"] as? String == "INVALID_DATE_FORMAT")
            let reversed = try await Wire.get(sim, "/services/data/v60.0/sobjects/Contact/deleted/?start=2024-02-01T00:00:00Z&end=2024-01-31T17:00:00Z", token: token)
            #expect(reversed.status == 400 && reversed.array.first?["errorCode"] as? String == "INVALID_REPLICATION_DATE")
        }
    }

    @Test("GET /limits/recordCount counts live records, omits unknown names and lists all without sObjects")
    func recordCount() async throws {
        let (store, _, contacts) = try QueryFixture.store(contacts: 4)
        try store.write { b throws(SimulatorError) in try b.delete("Contact", id: contacts[0]) }
        try await withSimulator(store: store) { sim in
            let token = try await Wire.accessToken(sim)
            let r = try await Wire.get(sim, "/services/data/v60.0/limits/recordCount?sObjects=Account,contact,Nope__c", token: token)
            #expect(r.status == 200)
            let list = try #require(r.object["sObjects"] as? [[String: Any]])
            let counts = Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as! String, ($0["count"] as! NSNumber).intValue) })
            #expect(counts == ["Account": 1, "Contact": 5])
            let all = try await Wire.get(sim, "/services/data/v60.0/limits/recordCount", token: token)
            #expect((all.object["sObjects"] as? [[String: Any]])?.contains { $0["name"] as? String == "User" } == true)
            #expect(r.headers["sforce-limit-info"] == "api-usage=1/100000")
        }
    }
}
