import ConnectorCore
import Foundation

/// A Bulk API 2.0 ingest operation (§7.2).
public enum BulkIngestOperation: String, Sendable, Hashable, CaseIterable {
    case insert, update, upsert, delete, hardDelete

    /// The column results are matched on when the caller names none.
    func defaultRowKey(externalIDField: String?) -> String? {
        switch self {
        case .upsert: return externalIDField
        case .update, .delete, .hardDelete: return "Id"
        case .insert: return nil
        }
    }
}

/// What a Bulk ingest did: one result per input record, in input order.
public struct BulkIngestResult: Sendable {
    public var results: [RecordResult]
    /// The jobs used (more than one when the CSV was split above the upload limit).
    public var jobIDs: [String]
    /// Jobs that ended `Failed`, with Salesforce's reason; their rows that never ran have
    /// `UNPROCESSED_RECORD` results (disposition: retry).
    public var failedJobs: [String: String]
}

/// Matches Bulk result rows (in any order) back to input rows by a key: the row-key column's
/// value, or every column's value when there is no key column.
struct BulkRowMatcher {
    let columns: [String]
    let keyColumn: Int?
    private var pending: [String: [Int]] = [:]

    init(columns: [String], keyColumn: String?) {
        self.columns = columns
        self.keyColumn = keyColumn.flatMap { k in columns.firstIndex { $0.caseInsensitiveCompare(k) == .orderedSame } }
    }

    static func key(_ values: [String]) -> String { values.joined(separator: "\u{1F}") }

    mutating func add(row index: Int, cells: [String]) {
        let k = keyColumn.map { cells[$0] } ?? Self.key(cells)
        pending[k, default: []].append(index)
    }

    /// The input row a result row belongs to, given the result file's header.
    mutating func take(header: [String], row: [String]) -> Int? {
        func value(_ column: String) -> String? {
            header.firstIndex(of: column).flatMap { $0 < row.count ? row[$0] : nil }
        }
        let k: String
        if let keyColumn {
            guard let v = value(columns[keyColumn]) else { return nil }
            k = v
        } else {
            var values: [String] = []
            for c in columns {
                guard let v = value(c) else { return nil }
                values.append(v)
            }
            k = Self.key(values)
        }
        guard var queue = pending[k], !queue.isEmpty else { return nil }
        let index = queue.removeFirst()
        pending[k] = queue.isEmpty ? nil : queue
        return index
    }

    /// `CODE:message:fields--` → a record error (§7.2).
    static func parseError(_ text: String) -> RecordError {
        guard let colon = text.firstIndex(of: ":") else { return RecordError(statusCode: "UNKNOWN_EXCEPTION", message: text) }
        let code = String(text[..<colon])
        var rest = String(text[text.index(after: colon)...])
        var fields: [String] = []
        if let last = rest.lastIndex(of: ":") {
            let tail = rest[rest.index(after: last)...]
            if tail.hasSuffix("--") {
                fields = tail.dropLast(2).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
                rest = String(rest[..<last])
            }
        }
        return RecordError(statusCode: code, message: rest, fields: fields)
    }
}
