import Foundation
import Testing
@testable import SalesforceSimulator

/// Child subqueries read children through the foreign key's lookup; these check that the lookup
/// follows every write (re-parenting, deletes, rolled-back batches) and agrees with a full scan.
@Suite("Org store: child subqueries through the foreign-key lookup")
struct ChildIndexTests {
    func kids(_ s: OrgStore, _ soql: String = "SELECT Id, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account ORDER BY Name")
        throws -> [[String]] {
        try s.run(soql).rows.map { row in
            guard case .subquery(let r)? = row.fields.first(where: { $0.key == "Contacts" })?.value else { return [] }
            return r.rows.map { child in
                if case .value(.string(let n))? = child.fields.first?.value { return n }
                return "?"
            }
        }
    }

    @Test("re-parenting, deleting and a rolled-back insert are all reflected; queryAll sees the deleted child")
    func followsWrites() throws {
        let s = OrgStore()
        let (a, b, moved, gone) = try s.write { batch throws(SimulatorError) in
            let a = try batch.insert("Account", ["Name": .string("A")])
            let b = try batch.insert("Account", ["Name": .string("B")])
            _ = try batch.insert("Contact", ["LastName": .string("a1"), "AccountId": .string(a)])
            let moved = try batch.insert("Contact", ["LastName": .string("a2"), "AccountId": .string(a)])
            let gone = try batch.insert("Contact", ["LastName": .string("b1"), "AccountId": .string(b)])
            return (a, b, moved, gone)
        }
        #expect(try kids(s) == [["a1", "a2"], ["b1"]])
        try s.write { batch throws(SimulatorError) in
            try batch.update("Contact", id: moved, ["AccountId": .string(b)])
            try batch.delete("Contact", id: gone)
        }
        #expect(try kids(s) == [["a1"], ["a2"]])
        #expect(try s.run("SELECT Id, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account ORDER BY Name",
                          includeDeleted: true).rows.count == 2)
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try s.write { batch throws(any Error) in
                _ = try batch.insert("Contact", ["LastName": .string("never"), "AccountId": .string(a)])
                throw Abort()
            }
        }
        #expect(try kids(s) == [["a1"], ["a2"]])
        _ = try s.write { batch throws(SimulatorError) in try batch.insert("Contact", ["LastName": .string("a0"), "AccountId": .string(a)]) }
        #expect(try kids(s) == [["a0", "a1"], ["a2"]])
        #expect(b != a)
    }

    @Test("an Id that differs only in case is not the parent: the lookup is exact")
    func exactIds() throws {
        let s = OrgStore()
        let a = try s.write { batch throws(SimulatorError) in
            let a = try batch.insert("Account", ["Name": .string("A")])
            _ = try batch.insert("Contact", ["LastName": .string("c"), "AccountId": .string(a)])
            return a
        }
        let found = s.read { v in v.records(of: "Contact", field: "AccountId", in: [a], includeDeleted: false).count }
        let lower = s.read { v in v.records(of: "Contact", field: "AccountId", in: [a.lowercased()], includeDeleted: false).count }
        let scanned = s.read { v in v.scanRecords(of: "Contact", field: "AccountId", in: [a], includeDeleted: false).count }
        #expect(found == 1 && scanned == 1 && lower == 0)
    }

    @Test("1,000 accounts with 3 contacts each: every page of parents gets exactly its own children")
    func manyParents() throws {
        let s = OrgStore()
        try s.write { batch throws(SimulatorError) in
            for i in 0..<1_000 {
                let a = try batch.insert("Account", ["Name": .string(String(format: "Acct %04d", i))])
                for k in 0..<3 { _ = try batch.insert("Contact", ["LastName": .string("c\(i)-\(k)"), "AccountId": .string(a)]) }
            }
        }
        let all = try kids(s)
        #expect(all.count == 1_000)
        #expect(all.enumerated().allSatisfy { i, names in names == (0..<3).map { "c\(i)-\($0)" } })
    }
}
