import Foundation

/// One field's values for every row of a table, stored compactly: text as 4-byte pool references,
/// everything else as one Int64 (booleans 0/1, dates in days, datetimes in milliseconds, doubles as bits).
struct Column {
    enum Kind { case recordId, text, bool, int, double, date, datetime }
    static let null = Int64.min

    let kind: Kind
    var refs = ContiguousArray<UInt32>()
    var scalars = ContiguousArray<Int64>()
    var pool = StringPool()

    init(_ type: FieldType) {
        switch type {
        case .id: kind = .recordId
        case .boolean: kind = .bool
        case .int, .long: kind = .int
        case .double, .currency, .percent: kind = .double
        case .date: kind = .date
        case .datetime: kind = .datetime
        default: kind = .text
        }
    }

    /// The raw cell of a row (copied when a new version keeps the value).
    func raw(_ row: Int) -> Int64 {
        switch kind {
        case .recordId: return 0
        case .text: return Int64(refs[row])
        default: return scalars[row]
        }
    }

    mutating func appendRaw(_ cell: Int64) {
        switch kind {
        case .recordId: break
        case .text: refs.append(UInt32(truncatingIfNeeded: cell))
        default: scalars.append(cell)
        }
    }

    /// Encodes a value that already has the column's kind (see ``coerce(_:)``).
    mutating func encode(_ v: SimValue) -> Int64 {
        switch (kind, v) {
        case (_, .null): return kind == .text ? 0 : Self.null
        case (.text, .string(let s)): return s.isEmpty ? 0 : Int64(pool.intern(s))
        case (.bool, .bool(let b)): return b ? 1 : 0
        case (.int, .int(let n)): return Int64(n)
        case (.double, .double(let d)): return Int64(bitPattern: (d == 0 ? 0.0 : d).bitPattern)
        case (.date, .date(let s)): return Int64(OrgDates.days(s) ?? 0)
        case (.datetime, .datetime(let d)): return Int64((d.timeIntervalSince1970 * 1000).rounded())
        default: return kind == .text ? 0 : Self.null
        }
    }

    /// Converts an incoming value to the column's kind, or nil when it cannot be.
    func coerce(_ v: SimValue) -> SimValue? {
        switch (kind, v) {
        case (_, .null): return .null
        case (.text, .string), (.bool, .bool), (.int, .int), (.double, .double), (.date, .date), (.datetime, .datetime):
            return v
        case (.double, .int(let n)): return .double(Double(n))
        case (.int, .double(let d)) where d == d.rounded() && abs(d) < 9e15: return .int(Int(d))
        case (.date, .string(let s)) where SOQLDates.isDate(s): return .date(s)
        case (.datetime, .string(let s)): return SOQLDates.parseDateTime(s).map { .datetime($0) }
        default: return nil
        }
    }

    func value(_ row: Int) -> SimValue {
        switch kind {
        case .recordId: return .null
        case .text:
            let r = refs[row]
            return r == 0 ? .null : .string(pool.string(r))
        default:
            let c = scalars[row]
            if c == Self.null { return .null }
            switch kind {
            case .bool: return .bool(c != 0)
            case .int: return .int(Int(c))
            case .double: return .double(Double(bitPattern: UInt64(bitPattern: c)))
            case .date: return .date(OrgDates.civil(Int(c)))
            default: return .datetime(Date(timeIntervalSince1970: Double(c) / 1000))
            }
        }
    }

    mutating func truncate(_ rows: Int) {
        if refs.count > rows { refs.removeLast(refs.count - rows) }
        if scalars.count > rows { scalars.removeLast(scalars.count - rows) }
    }
}

/// Civil-date arithmetic for date columns and REST output.
enum OrgDates {
    static func days(_ s: String) -> Int? {
        guard SOQLDates.isDate(s) else { return nil }
        let p = s.split(separator: "-").compactMap { Int($0) }
        return SOQLDates.daysFromCivil(p[0], p[1], p[2])
    }

    static func civil(_ days: Int) -> String {
        let (y, m, d) = SOQLDates.civil(fromDays: days)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// `2024-01-31T17:05:09.000+0000`, the REST datetime format.
    static func restDateTime(_ date: Date) -> String {
        let ms = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        let days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400
        let rem = secs - days * 86400
        return civil(days) + "T" + pad(rem / 3600, 2) + ":" + pad(rem / 60 % 60, 2) + ":" + pad(rem % 60, 2)
            + "." + pad(ms - secs * 1000, 3) + "+0000"
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
