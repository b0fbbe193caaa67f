import ConnectorCore
import Foundation
import SalesforceAPI
import Testing

@Suite("CSV writer")
struct CSVWriterTests {
    @Test("null is #N/A, a missing field is an empty cell, values are quoted only when needed")
    func cells() {
        let w = CSVWriter(columns: ["Ext__c", "Name", "Note", "Score", "Ok", "Tags", "Gone", "Empty"])
        let row = w.row(["Ext__c": .string("E-1"), "Name": .string("O'Brien, \"Bob\""), "Note": .string("two\nlines\r\n"),
                         "Score": .number(42), "Ok": .bool(true), "Tags": .array([.string("a"), .string("b")]),
                         "Gone": .null, "Empty": .string("")])
        #expect(String(decoding: w.header(), as: UTF8.self) == "Ext__c,Name,Note,Score,Ok,Tags,Gone,Empty\n")
        #expect(String(decoding: row, as: UTF8.self)
                == "E-1,\"O'Brien, \"\"Bob\"\"\",\"two\nlines\r\n\",42,true,a;b,#N/A,#N/A\n")
        let sparse = w.row(["Ext__c": .string("E-2")])
        #expect(String(decoding: sparse, as: UTF8.self) == "E-2,,,,,,,\n")
    }

    @Test("numbers keep their digits and spaces at the edges are quoted")
    func numbersAndSpaces() {
        let w = CSVWriter(columns: ["A", "B", "C"])
        let row = w.row(["A": .number(3.25), "B": .number(-1e20), "C": .string(" padded ")])
        #expect(String(decoding: row, as: UTF8.self) == "3.25,-100000000000000000000,\" padded \"\n")
    }

    @Test("a dotted column reads a nested relationship value")
    func relationship() {
        let w = CSVWriter(columns: ["LastName", "Account.Ext_Id__c"])
        let row = w.row(["LastName": .string("Smith"), "Account": .object(["Ext_Id__c": .string("A-1")])])
        #expect(String(decoding: row, as: UTF8.self) == "Smith,A-1\n")
    }

    @Test("what the writer writes, the parser reads back", arguments: CSVParserTests.hostile)
    func roundTrip(value: String) throws {
        let w = CSVWriter(columns: ["Id", "V"])
        var parser = CSVParser()
        let data = w.header() + w.row(["Id": .string("1"), "V": .string(value)])
        let rows = try parser.feed(data) + parser.finish()
        #expect(rows == [["Id", "V"], ["1", value.isEmpty ? "#N/A" : value]])
    }
}
