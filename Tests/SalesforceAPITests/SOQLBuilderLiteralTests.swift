import Foundation
import Testing
@testable import SalesforceAPI

@Suite("SOQLBuilder literals")
struct SOQLBuilderLiteralTests {
    @Test("Quotes, backslashes and double quotes are escaped inside string literals")
    func quotesAndBackslashes() {
        #expect(SOQLLiteral.string("O'Brien").render() == #"'O\'Brien'"#)
        #expect(SOQLLiteral.string(#"C:\temp"#).render() == #"'C:\\temp'"#)
        #expect(SOQLLiteral.string(#"say "hi""#).render() == #"'say \"hi\"'"#)
        #expect(SOQLLiteral.string(#"\'"#).render() == #"'\\\''"#)
    }

    @Test("Newlines, carriage returns and tabs become escape sequences")
    func controlCharacters() {
        #expect(SOQLLiteral.string("a\nb\rc\td").render() == #"'a\nb\rc\td'"#)
    }

    @Test("Unicode text passes through unchanged")
    func unicode() {
        #expect(SOQLLiteral.string("café 日本 🚀").render() == "'café 日本 🚀'")
    }

    @Test("Percent and underscore are escaped in LIKE values but not in equality values")
    func wildcards() throws {
        #expect(SOQLLiteral.string("50%_off").render() == "'50%_off'")
        #expect(SOQLLiteral.likePattern("50%_off", .exact).render() == #"'50\%\_off'"#)
        #expect(SOQLLiteral.likePattern("a_b", .prefix).render() == #"'a\_b%'"#)
        #expect(SOQLLiteral.likePattern("a%", .suffix).render() == #"'%a\%'"#)
        #expect(SOQLLiteral.likePattern("it's", .contains).render() == #"'%it\'s%'"#)
        #expect(try SOQLPredicate.like("Name", .likePattern("x_", .contains)).render() == #"Name LIKE '%x\_%'"#)
        #expect(try SOQLPredicate.eq("Name", .string("x_%")).render() == "Name = 'x_%'")
    }

    @Test("An injection attempt stays one string literal")
    func injection() throws {
        let p = try SOQLPredicate.eq("Name", .string("x' OR Name != '"))
        #expect(p.render() == #"Name = 'x\' OR Name != \''"#)
        let q = try SOQLQuery().select(["Id"]).from("Account").where(p)
        #expect(q.render() == #"SELECT Id FROM Account WHERE Name = 'x\' OR Name != \''"#)
    }

    @Test("Datetimes render in UTC with second precision and a Z suffix")
    func datetime() {
        // 2024-01-31T17:05:09.987Z
        let d = Date(timeIntervalSince1970: 1_706_720_709.987)
        #expect(SOQLLiteral.datetime(d).render() == "2024-01-31T17:05:09Z")
        #expect(SOQLLiteral.datetime(Date(timeIntervalSince1970: 0)).render() == "1970-01-01T00:00:00Z")
    }

    @Test("A date built in a non-UTC time zone renders the UTC calendar date")
    func dateInOtherZone() throws {
        var tokyo = Calendar(identifier: .gregorian)
        tokyo.timeZone = try #require(TimeZone(identifier: "Asia/Tokyo"))
        // 08:30 on Feb 1 in Tokyo is still Jan 31 in UTC.
        let d = try #require(tokyo.date(from: DateComponents(year: 2024, month: 2, day: 1, hour: 8, minute: 30)))
        #expect(SOQLLiteral.date(d).render() == "2024-01-31")
        #expect(SOQLLiteral.date(year: 2024, month: 3, day: 5).render() == "2024-03-05")
    }

    @Test("Invalid calendar dates are rejected")
    func invalidDate() {
        #expect(throws: SOQLBuildError.self) { try SOQLPredicate.eq("CloseDate", .date(year: 2023, month: 2, day: 29)) }
    }

    @Test("Numbers render plainly, booleans and null as keywords")
    func numbersBoolsNull() throws {
        #expect(SOQLLiteral.int(-42).render() == "-42")
        #expect(SOQLLiteral.int(1_234_567).render() == "1234567")
        #expect(SOQLLiteral.double(3.0).render() == "3")
        #expect(SOQLLiteral.double(1234567.25).render() == "1234567.25")
        #expect(SOQLLiteral.double(0.0000001).render() == "0.0000001")
        #expect(SOQLLiteral.double(1e20).render() == "100000000000000000000")
        #expect(SOQLLiteral.bool(true).render() == "true")
        #expect(SOQLLiteral.bool(false).render() == "false")
        #expect(SOQLLiteral.null.render() == "null")
        #expect(try SOQLPredicate.ne("Email", .null).render() == "Email != null")
        #expect(throws: SOQLBuildError.self) { try SOQLPredicate.eq("Amount", .double(.nan)) }
    }
}
