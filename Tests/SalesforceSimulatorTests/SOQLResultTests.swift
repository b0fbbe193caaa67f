import Testing
@testable import SalesforceSimulator

@Suite("SOQL result shaping")
struct SOQLResultTests {
    @Test("ORDER BY several fields with NULLS FIRST and NULLS LAST")
    func ordering() throws {
        #expect(try Fixture.ids("SELECT Id FROM Account ORDER BY Industry") == ["001B", "001C", "001A"])
        #expect(try Fixture.ids("SELECT Id FROM Account ORDER BY Industry DESC") == ["001A", "001C", "001B"])
        #expect(try Fixture.ids("SELECT Id FROM Account ORDER BY Industry ASC NULLS LAST") == ["001C", "001A", "001B"])
        #expect(try Fixture.ids("SELECT Id FROM Account ORDER BY Industry DESC NULLS FIRST") == ["001B", "001A", "001C"])
        let multi = "SELECT Id FROM Account ORDER BY IsDeleted DESC, Industry DESC NULLS LAST, Name ASC"
        #expect(try Fixture.ids(multi, all: true) == ["001D", "001A", "001C", "001B"])
        let ties = "SELECT Id FROM Account ORDER BY Industry ASC, Name DESC"
        #expect(try Fixture.ids(ties, all: true) == ["001B", "001C", "001D", "001A"])
    }

    @Test("string ordering ignores case")
    func caseInsensitiveOrder() throws {
        #expect(try Fixture.ids("SELECT Id FROM Account ORDER BY Name") == ["001A", "001B", "001C"])
    }

    @Test("LIMIT and OFFSET window the ordered rows and totalSize counts them")
    func limitOffset() throws {
        let r = try Fixture.run("SELECT Id FROM Account ORDER BY Name LIMIT 2")
        #expect(r.totalSize == 2)
        #expect(r.rows.map(\.id) == ["001A", "001B"])
        #expect(try Fixture.ids("SELECT Id FROM Account ORDER BY Name LIMIT 2 OFFSET 1") == ["001B", "001C"])
        #expect(try Fixture.ids("SELECT Id FROM Account ORDER BY Name LIMIT 0") == [])
    }

    @Test("COUNT() returns totalSize only")
    func count() throws {
        let r = try Fixture.run("SELECT COUNT() FROM Account WHERE NumberOfEmployees > 1")
        #expect(r.totalSize == 2)
        #expect(r.rows.isEmpty)
        #expect(try Fixture.run("select count() from Contact", all: true).totalSize == 4)
    }

    @Test("columns come back in select order with canonical spelling")
    func canonicalColumns() throws {
        let r = try Fixture.run("SELECT name, ID, numberofemployees FROM account WHERE Id = '001A'")
        #expect(r.object == "Account")
        #expect(r.rows[0].fields.map(\.key) == ["Name", "Id", "NumberOfEmployees"])
        #expect(r.rows[0]["NAME"] == .value(.string("Acme")))
        #expect(r.rows[0]["NumberOfEmployees"] == .value(.int(100)))
    }

    @Test("parent relationship fields nest, and a null lookup yields null")
    func parentFields() throws {
        let r = try Fixture.run("SELECT Id, Account.Name, account.Industry FROM Contact ORDER BY LastName")
        #expect(r.rows.map(\.id) == ["003B", "003C", "003A"])
        #expect(r.rows[0].fields.map(\.key) == ["Id", "Account"])
        guard case .record(let account) = r.rows[0]["Account"] else {
            Issue.record("expected nested Account"); return
        }
        #expect(account.object == "Account")
        #expect(account.id == "001A")
        #expect(account.fields == [SOQLField(key: "Name", value: .value(.string("Acme"))),
                                   SOQLField(key: "Industry", value: .value(.string("Tech")))])
        #expect(r.rows[1]["Account"] == .null)
        #expect(r.rows[2].value(at: "Account.Name") == .value(.string("Acme")))
    }

    @Test("RecordType.Name on Lead and filtering on a relationship field")
    func recordType() throws {
        let r = try Fixture.run("SELECT Company, RecordType.Name FROM Lead ORDER BY Company")
        #expect(r.rows[0].value(at: "RecordType.Name") == .value(.string("Partner")))
        #expect(r.rows[1]["RecordType"] == .null)
        #expect(try Fixture.ids("SELECT Id FROM Lead WHERE RecordType.Name = 'partner'") == ["00QA"])
        #expect(try Fixture.ids("SELECT Id FROM Contact WHERE Account.Name = null") == ["003C"])
    }

    @Test("child subquery nests records, or null when there are none")
    func childSubquery() throws {
        let q = "SELECT Name, (SELECT LastName FROM Contacts WHERE LastName != 'x' ORDER BY LastName) FROM Account"
            + " ORDER BY Name"
        let r = try Fixture.run(q)
        #expect(r.rows[0].fields.map(\.key) == ["Name", "Contacts"])
        guard case .subquery(let contacts) = r.rows[0]["Contacts"] else {
            Issue.record("expected nested Contacts"); return
        }
        #expect(contacts.totalSize == 2)
        #expect(contacts.done)
        #expect(contacts.object == "Contact")
        #expect(contacts.rows.map { $0["LastName"] } == [.value(.string("Jones")), .value(.string("Smith"))])
        #expect(r.rows[1]["Contacts"] == .null)
        let limited = try Fixture.run("SELECT Id, (SELECT Id FROM Contacts LIMIT 1) FROM Account WHERE Id = '001A'")
        guard case .subquery(let one) = limited.rows[0]["Contacts"] else { Issue.record("no subquery"); return }
        #expect(one.totalSize == 1)
    }

    @Test("query hides deleted rows; queryAll includes them, also in subqueries")
    func deletedRows() throws {
        #expect(try Fixture.ids("SELECT Id FROM Contact") == ["003A", "003B", "003C"])
        #expect(try Fixture.ids("SELECT Id FROM Contact", all: true) == ["003A", "003B", "003C", "003D"])
        #expect(try Fixture.ids("SELECT Id FROM Contact WHERE IsDeleted = true", all: true) == ["003D"])
        let q = "SELECT Id, (SELECT Id FROM Contacts) FROM Account WHERE Id = '001A'"
        guard case .subquery(let all) = try Fixture.run(q, all: true).rows[0]["Contacts"] else {
            Issue.record("no subquery"); return
        }
        #expect(all.totalSize == 3)
    }
}
