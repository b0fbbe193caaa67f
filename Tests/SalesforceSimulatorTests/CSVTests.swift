import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Bulk CSV writer and reader")
struct CSVTests {
    @Test("The writer quotes every value, doubles quotes, keeps newlines and writes null and empty as \"\"")
    func writer() {
        let csv = BulkCSVWriter().document(header: ["Id", "Name", "Note"],
                                           rows: [["003A", "Say \"hi\", then", "line1\nline2"], ["003B", nil, ""]])
        #expect(csv == "\"Id\",\"Name\",\"Note\"\n\"003A\",\"Say \"\"hi\"\", then\",\"line1\nline2\"\n\"003B\",\"\",\"\"\n")
    }

    @Test("The writer honours the job's delimiter and CRLF line ending")
    func writerFormat() throws {
        let format = try BulkCSVFormat(delimiter: "PIPE", lineEnding: "CRLF")
        #expect(BulkCSVWriter(format: format).line(["a", "b|c"]) == "\"a\"|\"b|c\"\r\n")
    }

    @Test("An unknown delimiter or line ending is refused with INVALIDJOB")
    func badFormat() {
        #expect(throws: BulkAPIError(status: 400, errorCode: "INVALIDJOB", message:
            "Invalid columnDelimiter: COLON. Use one of BACKQUOTE, CARET, COMMA, PIPE, SEMICOLON, TAB")) {
            try BulkCSVFormat(delimiter: "COLON", lineEnding: nil)
        }
        #expect(throws: BulkAPIError(status: 400, errorCode: "INVALIDJOB", message: "Invalid lineEnding: CR. Use LF or CRLF")) {
            try BulkCSVFormat(delimiter: nil, lineEnding: "CR")
        }
    }

    @Test("Values render as Salesforce writes them: booleans, numbers, dates, datetimes with .000Z")
    func valueText() {
        #expect(BulkCSVWriter.text(.bool(true)) == "true")
        #expect(BulkCSVWriter.text(.int(42)) == "42")
        #expect(BulkCSVWriter.text(.double(1234.5)) == "1234.5")
        #expect(BulkCSVWriter.text(.double(5)) == "5")
        #expect(BulkCSVWriter.text(.double(1e16)) == "10000000000000000")
        #expect(BulkCSVWriter.text(.date("2024-01-31")) == "2024-01-31")
        #expect(BulkCSVWriter.text(.datetime(Date(timeIntervalSince1970: 1_706_720_709))) == "2024-01-31T17:05:09.000Z")
        #expect(BulkCSVWriter.text(.datetime(Date(timeIntervalSince1970: -1))) == "1969-12-31T23:59:59.000Z")
        #expect(BulkCSVWriter.text(.null) == nil)
    }

    @Test("The reader parses quoted fields with quotes, delimiters, CRLF and newlines inside")
    func reader() throws {
        let text = "Id,Name,Note\r\n1,\"Say \"\"hi\"\", then\",\"a\nb\"\r\n2,plain,\n"
        let table = try BulkCSVReader().read(text)
        #expect(table.header == ["Id", "Name", "Note"])
        #expect(table.rows == [["1", "Say \"hi\", then", "a\nb"], ["2", "plain", ""]])
    }

    @Test("The reader accepts a last row without a line end and unicode values")
    func readerTail() throws {
        let semi = try BulkCSVReader(format: BulkCSVFormat(delimiter: "SEMICOLON", lineEnding: nil)).read("A;B\nçà;\"日本\"")
        #expect(semi.rows == [["çà", "日本"]])
    }

    @Test("An empty cell leaves the field unchanged and #N/A sets it to null")
    func cells() {
        #expect(BulkIngestCell(raw: "") == .unchanged)
        #expect(BulkIngestCell(raw: "#N/A") == .null)
        #expect(BulkIngestCell(raw: " x") == .value(" x"))
    }

    @Test("Malformed uploads fail with a message naming the problem", arguments: [
        ("A,B\n1,x\"y\n", "InvalidBatch : Failed to parse CSV. Found unescaped quote. A value with a quote should be within a quote"),
        ("A,B\n1,\"open\n", "InvalidBatch : Failed to parse CSV. Found an unterminated quoted value"),
        ("A,B\n1,\"x\"y\n", "InvalidBatch : Failed to parse CSV. Found text after a closing quote in row 2"),
        ("A,B\n1,2,3\n", "InvalidBatch : Wrong number of columns in row 1: found 3, header has 2"),
        ("", "InvalidBatch : Failed to parse CSV header: the upload is empty"),
    ])
    func malformed(text: String, message: String) {
        #expect(throws: BulkCSVError(message: message)) { try BulkCSVReader().read(text) }
    }

    @Test("What the writer writes the reader reads back")
    func roundTrip() throws {
        let rows: [[String?]] = [["a,b", "\"q\"", "x\r\ny"], ["", "ü", "#"]]
        let table = try BulkCSVReader().read(BulkCSVWriter().document(header: ["A", "B", "C"], rows: rows))
        #expect(table.rows == rows.map { $0.map { $0 ?? "" } })
    }
}
