import ConnectorCore
import Foundation

/// Writes records as Bulk API 2.0 ingest CSV (§7.2): a header of field API names, LF row
/// ends, and per cell:
/// - a missing key → an empty cell, which Salesforce reads as "leave the field unchanged";
/// - `.null` or an empty string → `#N/A`, which sets the field to null (Salesforce stores an
///   empty text as null, so both mean "clear it");
/// - strings as they are, numbers in plain digits, booleans `true`/`false`, arrays joined with
///   `;` (multi-select picklists); a nested object is looked up by a dotted column
///   (`Account.Ext_Id__c` reads `record["Account"]["Ext_Id__c"]`), and an object left in a plain
///   column is an empty cell;
/// - a value holding the delimiter, a quote, CR, LF or leading/trailing spaces is quoted, with
///   quotes doubled.
///
/// A literal text `#N/A` cannot be sent through Bulk: Salesforce always reads it as null.
public struct CSVWriter: Sendable {
    public let columns: [String]
    public let delimiter: UInt8

    public init(columns: [String], delimiter: UInt8 = UInt8(ascii: ",")) {
        self.columns = columns
        self.delimiter = delimiter
    }

    /// The header line.
    public func header() -> Data { line(columns) }

    /// One record's line.
    public func row(_ record: SalesforceRecord) -> Data { line(cells(record)) }

    /// One record's cells, unquoted, in column order (what a CSV reader gets back).
    public func cells(_ record: SalesforceRecord) -> [String] {
        columns.map { column in Self.lookup(column, in: record).map(Self.cell) ?? "" }
    }

    /// A line of `cells`, quoted as needed.
    public func line(_ cells: [String]) -> Data {
        var out = Data()
        for (i, cell) in cells.enumerated() {
            if i > 0 { out.append(delimiter) }
            out.append(contentsOf: Self.quoteIfNeeded(cell, delimiter: delimiter).utf8)
        }
        out.append(UInt8(ascii: "\n"))
        return out
    }

    static func lookup(_ column: String, in record: SalesforceRecord) -> JSONValue? {
        if let direct = record[column] { return direct }
        let parts = column.split(separator: ".").map(String.init)
        guard parts.count > 1, var current = record[parts[0]] else { return nil }
        for part in parts.dropFirst() {
            guard let next = current[part] else { return nil }
            current = next
        }
        return current
    }

    static func cell(_ value: JSONValue) -> String {
        switch value {
        case .null: return "#N/A"
        case .string(let s): return s.isEmpty ? "#N/A" : s
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            if n.rounded() == n, abs(n) < 1e15 { return String(Int64(n)) }
            return SOQLLiteral.double(n).render()
        case .array(let items): return items.map(cell).joined(separator: ";")
        case .object: return ""
        }
    }

    static func quoteIfNeeded(_ s: String, delimiter: UInt8) -> String {
        let needs = s.utf8.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10 }
            || s.first == " " || s.last == " " || s.first == "\t" || s.last == "\t"
        guard needs else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
