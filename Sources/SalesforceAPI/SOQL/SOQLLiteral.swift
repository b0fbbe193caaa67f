import Foundation

/// A problem found while building a SOQL query; `description` is one actionable sentence.
public struct SOQLBuildError: Error, Sendable, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// How a `.likePattern` literal is anchored; the builder adds the `%` wildcards.
public enum SOQLLikeMatch: Sendable, Equatable {
    case exact, prefix, suffix, contains
}

/// A SOQL literal value, rendered with Salesforce's escaping rules.
public enum SOQLLiteral: Sendable, Equatable {
    case string(String)
    case likePattern(String, SOQLLikeMatch)
    case datetime(Date)
    case date(year: Int, month: Int, day: Int)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case null

    /// The UTC calendar date of `date`.
    public static func date(_ date: Date) -> SOQLLiteral {
        let c = SOQLLiteral.utcCalendar.dateComponents([.year, .month, .day], from: date)
        return .date(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
    }

    static var utcCalendar: Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!
        cal.locale = Locale(identifier: "en_US_POSIX")
        return cal
    }

    /// Throws when the value cannot be written as a SOQL literal.
    public func validate() throws {
        switch self {
        case .double(let d) where !d.isFinite:
            throw SOQLBuildError("\(d) cannot be written in SOQL; pass a finite number or use .null.")
        case .date(let y, let m, let d):
            var comps = DateComponents(); comps.year = y; comps.month = m; comps.day = d
            guard (1...9999).contains(y), comps.isValidDate(in: SOQLLiteral.utcCalendar) else {
                throw SOQLBuildError("\(y)-\(m)-\(d) is not a valid calendar date; pass a real year (1-9999), month and day.")
            }
        default: return
        }
    }

    public func render() -> String {
        switch self {
        case .string(let s): return "'" + SOQLLiteral.escape(s) + "'"
        case .likePattern(let s, let match):
            let body = SOQLLiteral.escape(s)
                .replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            switch match {
            case .exact: return "'\(body)'"
            case .prefix: return "'\(body)%'"
            case .suffix: return "'%\(body)'"
            case .contains: return "'%\(body)%'"
            }
        case .datetime(let date):
            let c = SOQLLiteral.utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            return SOQLLiteral.pad(c.year ?? 0, 4) + "-" + SOQLLiteral.pad(c.month ?? 0, 2) + "-"
                + SOQLLiteral.pad(c.day ?? 0, 2) + "T" + SOQLLiteral.pad(c.hour ?? 0, 2) + ":"
                + SOQLLiteral.pad(c.minute ?? 0, 2) + ":" + SOQLLiteral.pad(c.second ?? 0, 2) + "Z"
        case .date(let y, let m, let d):
            return SOQLLiteral.pad(y, 4) + "-" + SOQLLiteral.pad(m, 2) + "-" + SOQLLiteral.pad(d, 2)
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d):
            guard d.isFinite else { return "null" }
            if d == d.rounded(), abs(d) < 9.0e15 { return String(Int64(d)) }
            // Decimal prints plain digits (no exponent, no grouping, "." separator).
            return (Decimal(string: "\(d)", locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(d)).description
        case .null: return "null"
        }
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Escapes the body of a single-quoted SOQL string literal.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
