import Testing
@testable import SalesforceSimulator

@Suite("SOQL WHERE evaluation")
struct SOQLFilterTests {
    @Test("comparison operators filter on numbers and strings")
    func comparisons() throws {
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE NumberOfEmployees = 100") == ["001A"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE NumberOfEmployees != 100") == ["001B", "001C"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE NumberOfEmployees <> 100") == ["001B", "001C"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE NumberOfEmployees < 100") == ["001B"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE NumberOfEmployees <= 100") == ["001A", "001B"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE NumberOfEmployees > 5") == ["001A"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE NumberOfEmployees >= 5") == ["001A", "001B"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE AnnualRevenue > 10.25") == ["001A", "001B"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE Name = 'ACME'") == ["001A"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE Name > 'b'") == ["001B", "001C"])
    }

    @Test("null and boolean literals")
    func nullsAndBooleans() throws {
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE Industry = null") == ["001B"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE Industry != NULL") == ["001A", "001C"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE IsDeleted = false") == ["001A", "001B", "001C"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE IsDeleted = TRUE", all: true) == ["001D"])
    }

    @Test("string escapes decode quote and backslash")
    func escapes() throws {
        #expect(try Fixture.ids(#"SELECT Id FROM Account WHERE Description = 'It\'s a \\ test'"#) == ["001A"])
        #expect(try Fixture.ids(#"SELECT Id FROM Account WHERE Description = 'It\'s a \\ tesT'"#) == ["001A"])
        let tokens = try SOQLLexer.tokenize(#"'a\nb\tc\"d\re'"#)
        #expect(tokens[0].text == "a\nb\tc\"d\re")
    }

    @Test("LIKE matches % and _ case-insensitively and honours escaped wildcards")
    func like() throws {
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE Name LIKE 'ac%'") == ["001A"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE Name LIKE '%CORP'") == ["001B"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE Name LIKE 'a_me'") == ["001A"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE Name LIKE '%m%'") == ["001A", "001C"])
        #expect(try Fixture.ids(#"SELECT Id FROM Account WHERE Name LIKE 'gamma\_50\%'"#) == ["001C"])
        #expect(try Fixture.ids(#"SELECT Id FROM Account WHERE Name LIKE 'acm\%'"#) == [])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE Industry LIKE '%'") == ["001A", "001C"])
    }

    @Test("IN and NOT IN lists")
    func inLists() throws {
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE Id IN ('001A', '001C')") == ["001A", "001C"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE Industry in ('tech')") == ["001A"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE Id NOT IN ('001A', '001C')") == ["001B"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE NumberOfEmployees IN (5, 100)") == ["001A", "001B"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE Industry IN (null, 'Retail')") == ["001B", "001C"])
    }

    @Test("NOT binds tighter than AND; parentheses group OR")
    func precedence() throws {
        let q1 = "SELECT Id FROM Account WHERE NOT Industry = 'Tech' AND NumberOfEmployees = 5"
        #expect(try Fixture.ids(q1) == ["001B"])
        let q2 = "SELECT Id FROM Account WHERE NOT (Industry = 'Tech' OR Industry = 'Retail')"
        #expect(try Fixture.ids(q2) == ["001B"])
        let q3 = "SELECT Id FROM Account WHERE (Name = 'Acme' OR Name = 'beta corp') AND NumberOfEmployees > 10"
        #expect(try Fixture.ids(q3) == ["001A"])
        let q4 = "SELECT Id FROM Account WHERE Name = 'Acme' OR (Name = 'beta corp' AND NumberOfEmployees > 10)"
        #expect(try Fixture.ids(q4) == ["001A"])
    }

    @Test("datetime literals with Z, milliseconds and offsets; date literals")
    func dates() throws {
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE CreatedDate = 2024-01-31T17:05:09Z") == ["001A"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE CreatedDate = 2024-01-31T17:05:09.000Z") == ["001A"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE CreatedDate = 2024-01-31T18:05:09+01:00") == ["001A"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE CreatedDate > 2024-01-31T09:05:10-08:00") == ["001B"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE CreatedDate < 2024-01-01T00:00:00Z") == ["001C"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE CreatedDate >= 2024-01-01T00:00:00Z") == ["001A", "001B"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE Founded__c > 2020-05-01") == ["001B"])
        #expect(try Fixture.ids("SELECT Id FROM Account WHERE Founded__c = 2020-05-01") == ["001A"])
    }

    @Test("keywords are case-insensitive")
    func keywordCase() throws {
        #expect(try Fixture.ids("select id from account where name like 'acme' order by name desc limit 1") == ["001A"])
    }
}
