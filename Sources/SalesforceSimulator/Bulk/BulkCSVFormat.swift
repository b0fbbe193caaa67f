import Foundation

/// Column delimiter and line ending of a Bulk job (`columnDelimiter`, `lineEnding`).
struct BulkCSVFormat: Sendable, Equatable {
    static let delimiters: [String: Character] = ["COMMA": ",", "TAB": "\t", "PIPE": "|", "SEMICOLON": ";",
                                                  "CARET": "^", "BACKQUOTE": "`"]
    var delimiterName = "COMMA"
    var lineEndingName = "LF"

    var delimiter: Character { Self.delimiters[delimiterName] ?? "," }
    var lineEnding: String { lineEndingName == "CRLF" ? "\r\n" : "\n" }

    /// Validates job-creation options; nil names mean the defaults.
    init(delimiter: String?, lineEnding: String?) throws(BulkAPIError) {
        if let d = delimiter {
            guard Self.delimiters[d] != nil else {
                throw BulkAPIError(status: 400, errorCode: "INVALIDJOB", message:
                    "Invalid columnDelimiter: \(d). Use one of BACKQUOTE, CARET, COMMA, PIPE, SEMICOLON, TAB")
            }
            delimiterName = d
        }
        if let l = lineEnding {
            guard l == "LF" || l == "CRLF" else {
                throw BulkAPIError(status: 400, errorCode: "INVALIDJOB", message:
                    "Invalid lineEnding: \(l). Use LF or CRLF")
            }
            lineEndingName = l
        }
    }

    init() {}
}

/// Writes Bulk result CSV the way Salesforce does: every value quoted, embedded quotes doubled,
/// newlines kept inside the quotes, null and empty string both `""`.
struct BulkCSVWriter: Sendable {
    var format = BulkCSVFormat()

    func line(_ values: [String?]) -> String {
        var out = ""
        for (i, v) in values.enumerated() {
            if i > 0 { out.append(format.delimiter) }
            out.append("\"")
            if let v {
                if v.contains("\"") { out.append(v.replacingOccurrences(of: "\"", with: "\"\"")) } else { out.append(v) }
            }
            out.append("\"")
        }
        out.append(format.lineEnding)
        return out
    }

    func document(header: [String], rows: [[String?]]) -> String {
        var out = line(header)
        for r in rows { out.append(line(r)) }
        return out
    }

    /// The CSV text of a stored value: booleans `true`/`false`, datetimes `…T17:05:09.000Z`.
    static func text(_ value: SimValue) -> String? {
        switch value {
        case .null: return nil
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return BulkCSVWriter.number(d)
        case .string(let s), .date(let s): return s
        case .datetime(let d): return BulkCSVWriter.datetime(d)
        }
    }

    static func number(_ d: Double) -> String {
        let s = String(d)
        if s.contains("e") { return String(format: "%.0f", d) }
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }

    static func datetime(_ date: Date) -> String {
        let secs = Int(date.timeIntervalSince1970.rounded(.down))
        let days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400
        let rem = secs - days * 86400
        let (y, m, d) = SOQLDates.civil(fromDays: days)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.000Z", y, m, d, rem / 3600, rem % 3600 / 60, rem % 60)
    }
}
