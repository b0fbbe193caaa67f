import Foundation
import SalesforceAPI
import Testing

@Suite("CSV parser")
struct CSVParserTests {
    /// Hostile values and their CSV (Bulk quotes every value, doubling quotes).
    static let hostile: [String] = [
        "plain", "", "with, comma", "with \"quotes\"", "\"", "\"\"", "line\nbreak", "cr\rlf\r\n",
        "crlf\r\nmiddle", "ünïcødé ✓ 日本語 🚀", " leading and trailing ", ",", "\n", "#N/A", "a,\"b\"\nc",
    ]

    static func quoted(_ rows: [[String]], lineEnd: String = "\n") -> String {
        rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }
            .joined(separator: lineEnd) + lineEnd
    }

    static func parseAll(_ data: Data, chunkSizes: [Int]) throws -> [[String]] {
        var parser = CSVParser()
        var rows: [[String]] = []
        var offset = 0
        var i = 0
        while offset < data.count {
            let size = max(1, chunkSizes[i % chunkSizes.count])
            let end = min(data.count, offset + size)
            rows += try parser.feed(data.subdata(in: offset..<end))
            offset = end
            i += 1
        }
        rows += try parser.finish()
        return rows
    }

    @Test("hostile quoted values come back exactly")
    func hostileValues() throws {
        let rows = [["Id", "Value"]] + Self.hostile.enumerated().map { ["\($0.offset)", $0.element] }
        let parsed = try Self.parseAll(Data(Self.quoted(rows).utf8), chunkSizes: [1 << 20])
        #expect(parsed == rows)
    }

    @Test("a chunk boundary at every byte position gives the same rows")
    func everyBoundary() throws {
        let rows = [["A", "B", "C"], ["x\"y", "1,2", "é\r\n🚀"], ["", "\"\"", "z"]]
        for lineEnd in ["\n", "\r\n"] {
            let data = Data(Self.quoted(rows, lineEnd: lineEnd).utf8)
            for split in 0...data.count {
                var parser = CSVParser()
                var out = try parser.feed(data.prefix(split))
                out += try parser.feed(data.dropFirst(split))
                out += try parser.finish()
                #expect(out == rows, "split at \(split) with \(lineEnd.debugDescription)")
            }
        }
    }

    @Test("one byte at a time parses like one chunk")
    func byteAtATime() throws {
        let rows = [["Id", "Value"]] + Self.hostile.map { ["1", $0] }
        let data = Data(Self.quoted(rows, lineEnd: "\r\n").utf8)
        #expect(try Self.parseAll(data, chunkSizes: [1]) == rows)
        #expect(try Self.parseAll(data, chunkSizes: [2, 3, 5, 7]) == rows)
    }

    @Test("unquoted fields, empty fields, a missing final line end and blank lines")
    func unquoted() throws {
        let data = Data("a,b,c\n1,,3\n\n,,\nlast,row,here".utf8)
        #expect(try Self.parseAll(data, chunkSizes: [4]) == [["a", "b", "c"], ["1", "", "3"], ["", "", ""],
                                                             ["last", "row", "here"]])
    }

    @Test("another delimiter splits only on itself")
    func delimiter() throws {
        var parser = CSVParser(delimiter: UInt8(ascii: "|"))
        let rows = try parser.feed(Data("a|\"b|c\"|d,e\n".utf8)) + parser.finish()
        #expect(rows == [["a", "b|c", "d,e"]])
    }

    @Test("a quote followed by text is rejected with the row number")
    func strayQuote() {
        var parser = CSVParser()
        #expect {
            _ = try parser.feed(Data("\"a\",\"b\"\n\"bad\"x,\"c\"\n".utf8))
        } throws: { error in
            "\(error)".contains("CSV row 2") && "\(error)".contains("must be doubled")
        }
    }

    @Test("data that ends inside quotes is rejected")
    func unterminated() throws {
        var parser = CSVParser()
        _ = try parser.feed(Data("\"a\",\"never closed\n".utf8))
        #expect { try parser.finish() } throws: { "\($0)".contains("never closes") }
    }
}
