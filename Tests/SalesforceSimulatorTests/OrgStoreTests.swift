import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Org store: Ids, versions, stamps, soft delete, rollback")
struct OrgStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_706_720_709.75)  // 2024-01-31T17:05:09.750Z

    func store() -> OrgStore { OrgStore(schema: OrgSchema(), clock: { Self.t0 }) }

    @Test("Ids are 18 chars with the key prefix and a valid checksum, and parse back")
    func ids() throws {
        let s = store()
        let id = try s.write { b throws(SimulatorError) in try b.insert("Lead", ["LastName": .string("A"), "Company": .string("C")]) }
        #expect(id.count == 18 && id.hasPrefix("00Q"))
        #expect(SalesforceID.to18(String(id.prefix(15))) == id)
        #expect(RecordID.parse(id)?.seq == 1)
        #expect(RecordID.parse(id.lowercased())?.prefix == "00Q")
        #expect(RecordID.parse(String(id.prefix(15)))?.seq == 1)
        #expect(RecordID.parse("00Q000000000000AAA") == nil)
        let ids = (1...50).map { RecordID.make(prefix: "003", seq: $0 * 977) }
        #expect(ids == ids.sorted() && ids.map { $0.lowercased() } == ids.map { $0.lowercased() }.sorted())
    }

    @Test("insert fills audit fields, owner, booleans, picklist defaults and the derived Name")
    func insertDefaults() throws {
        let s = store()
        let id = try s.write { b throws(SimulatorError) in
            try b.insert("Lead", ["FirstName": .string("Zoë"), "LastName": .string("O'Brien"), "Company": .string("Acme"),
                                  "Description": .string("")])
        }
        let v = try #require(s.values(id: id)).values
        #expect(v["Name"] == .string("Zoë O'Brien"))
        #expect(v["Status"] == .string("Open - Not Contacted"))
        #expect(v["IsDeleted"] == .bool(false) && v["IsConverted"] == .bool(false))
        #expect(v["OwnerId"] == .string(s.integrationUserId) && v["CreatedById"] == .string(s.integrationUserId))
        let second = SimValue.datetime(Date(timeIntervalSince1970: 1_706_720_709))
        #expect(v["SystemModstamp"] == second && v["CreatedDate"] == second && v["LastModifiedDate"] == second)
        #expect(v["Description"] == .null)
        #expect(v["RecordTypeId"] == .string(RecordID.make(prefix: "012", seq: 1)))
        let users = try s.run("SELECT Id, Username FROM User")
        #expect(users.rows.first?.id == s.integrationUserId)
    }

    @Test("one batch shares one SystemModstamp; updates make new versions; system-only changes keep LastModifiedDate")
    func stamps() throws {
        let clock = TestClock()
        let s = OrgStore(schema: OrgSchema(), clock: { clock.now })
        let ids = try s.write { b throws(SimulatorError) in
            try (0..<3).map { i throws(SimulatorError) in try b.insert("Contact", ["LastName": .string("C\(i)")]) }
        }
        let first = try s.run("SELECT SystemModstamp FROM Contact")
        #expect(Set(first.rows.map { "\($0["SystemModstamp"]!)" }).count == 1)
        clock.advance(5)
        try s.write { b throws(SimulatorError) in try b.update("Contact", id: ids[0], ["Email": .string("x@y.example")]) }
        clock.advance(5)
        try s.write { b throws(SimulatorError) in try b.update("Contact", id: ids[1], ["Title": .string("T")], systemOnly: true) }
        let v0 = try #require(s.values(id: ids[0])?.values)
        #expect(v0["Email"] == .string("x@y.example") && v0["LastModifiedDate"] == v0["SystemModstamp"])
        let v1 = try #require(s.values(id: ids[1])?.values)
        #expect(v1["LastModifiedDate"] != v1["SystemModstamp"])
        #expect(v1["CreatedDate"] == v1["LastModifiedDate"])
        #expect(try s.run("SELECT Id FROM Contact WHERE Email = 'X@Y.EXAMPLE'").rows.map(\.id) == [ids[0]])
    }

    @Test("a cursor keeps the versions it matched while later writes create new ones")
    func cursorSnapshot() throws {
        let s = store()
        let id = try s.write { b throws(SimulatorError) in try b.insert("Account", ["Name": .string("Old")]) }
        let q = try s.query("SELECT Name FROM Account")
        try s.write { b throws(SimulatorError) in try b.update("Account", id: id, ["Name": .string("New")]) }
        #expect(q.page(0..<1).first?["Name"] == .value(.string("Old")))
        #expect(try s.run("SELECT Name FROM Account").rows.first?["Name"] == .value(.string("New")))
    }

    @Test("soft delete hides the record from query, shows it to queryAll and /deleted")
    func softDelete() throws {
        let s = store()
        let ids = try s.write { b throws(SimulatorError) in
            [try b.insert("Lead", ["LastName": .string("A"), "Company": .string("C")]),
             try b.insert("Lead", ["LastName": .string("B"), "Company": .string("C")])]
        }
        try s.write(stamp: Self.t0 + 60) { b throws(SimulatorError) in try b.delete("Lead", id: ids[0]) }
        #expect(try s.run("SELECT Id FROM Lead").rows.map(\.id) == [ids[1]])
        let all = try s.run("SELECT Id, IsDeleted FROM Lead WHERE IsDeleted = true", includeDeleted: true)
        #expect(all.rows.map(\.id) == [ids[0]])
        #expect(s.count("Lead") == 1 && s.count("Nope") == nil)
        let gone = s.deleted("Lead", from: Self.t0, to: Self.t0 + 3600)
        #expect(gone.map(\.id) == [ids[0]] && gone.first?.deletedDate == Date(timeIntervalSince1970: 1_706_720_769))
        #expect(s.deleted("Lead", from: Self.t0 + 61, to: Self.t0 + 3600).isEmpty)
    }

    @Test("a throwing batch rolls back every insert and update")
    func rollback() throws {
        let s = store()
        let id = try s.write { b throws(SimulatorError) in try b.insert("Account", ["Name": .string("Keep")]) }
        #expect(throws: SimulatorError.self) {
            try s.write { b throws(SimulatorError) in
                try b.update("Account", id: id, ["Name": .string("Changed")])
                _ = try b.insert("Account", ["Name": .string("New")])
                _ = try b.insert("Account", ["Nope__c": .string("x")])
            }
        }
        #expect(try s.run("SELECT Name FROM Account").rows.map { $0["Name"] } == [.value(.string("Keep"))])
        let next = try s.write { b throws(SimulatorError) in try b.insert("Account", ["Name": .string("Second")]) }
        #expect(RecordID.parse(next)?.seq == 2)
    }

    @Test("writes refuse unknown objects, fields, records and values of the wrong type")
    func writeErrors() throws {
        let s = store()
        func kind(_ body: (inout OrgWriteBatch) throws(SimulatorError) -> Void) -> SimulatorError.Kind? {
            do { try s.write(body); return nil } catch { return error.kind }
        }
        #expect(kind { b throws(SimulatorError) in _ = try b.insert("Nope__c", [:]) } == .unknownObject)
        #expect(kind { b throws(SimulatorError) in _ = try b.insert("Lead", ["Bogus": .null]) } == .unknownField)
        #expect(kind { b throws(SimulatorError) in _ = try b.insert("Lead", ["NumberOfEmployees": .string("many")]) }
            == .invalidValue)
        #expect(kind { b throws(SimulatorError) in
            try b.update("Lead", id: RecordID.make(prefix: "003", seq: 1), [:]) } == .unknownRecord)
        #expect(kind { b throws(SimulatorError) in _ = try b.insert("Lead", ["Id": .string("x")]) } == .invalidValue)
    }

    @Test("find matches text case-insensitively and skips deleted records")
    func find() throws {
        let s = store()
        let ids = try s.write { b throws(SimulatorError) in
            try (0..<3).map { i throws(SimulatorError) in
                try b.insert("Lead", ["LastName": .string("L"), "Company": .string("C"), "Email": .string("a\(i % 2)@x.example")])
            }
        }
        let found = s.write { b in b.find("Lead", field: "email", equalsIgnoringCase: "A0@X.EXAMPLE").compactMap(\.id) }
        #expect(found == [ids[0], ids[2]])
        try s.write { b throws(SimulatorError) in
            try b.delete("Lead", id: ids[0])
            try b.update("Lead", id: ids[1], ["Email": .string("a0@x.example")])
        }
        let after = s.write { b in b.find("Lead", field: "Email", equalsIgnoringCase: "a0@x.example").compactMap(\.id) }
        #expect(after == [ids[1], ids[2]] || after == [ids[2], ids[1]])
    }
}
