import Foundation

/// Fast parsing and formatting of Salesforce dates and datetimes without formatters:
/// `2024-01-31`, `2024-01-31T17:05:09.000+0000`, `…Z`, `…+01:00`, with or without fraction.
public enum SalesforceDate {
    /// A parsed value: a calendar date or an instant.
    public enum Value: Sendable, Hashable {
        case date(year: Int, month: Int, day: Int)
        case instant(Date)
    }

    /// Parses a date or datetime; nil when the text is neither.
    public static func parse(_ text: String) -> Value? {
        var utf8 = Array(text.utf8)
        if utf8.last == UInt8(ascii: " ") { utf8 = Array(text.trimmingCharacters(in: .whitespaces).utf8) }
        guard utf8.count >= 10, let y = digits(utf8, 0, 4), utf8[4] == 45, let mo = digits(utf8, 5, 2),
              utf8[7] == 45, let d = digits(utf8, 8, 2), (1...12).contains(mo), (1...daysIn(y, mo)).contains(d)
        else { return nil }
        if utf8.count == 10 { return .date(year: y, month: mo, day: d) }
        guard utf8.count >= 19, utf8[10] == 84 || utf8[10] == 32, let h = digits(utf8, 11, 2), utf8[13] == 58,
              let mi = digits(utf8, 14, 2), utf8[16] == 58, let s = digits(utf8, 17, 2), h < 24, mi < 60, s < 61
        else { return nil }
        var i = 19
        var fraction = 0.0
        if i < utf8.count, utf8[i] == 46 {
            i += 1
            var scale = 0.1
            let start = i
            while i < utf8.count, let v = digit(utf8[i]) { fraction += Double(v) * scale; scale /= 10; i += 1 }
            if i == start { return nil }
        }
        var offset = 0
        if i < utf8.count {
            let sign = utf8[i]
            if sign == 90, i + 1 == utf8.count { offset = 0 } else {
                guard sign == 43 || sign == 45, let oh = digits(utf8, i + 1, 2) else { return nil }
                var j = i + 3
                if j < utf8.count, utf8[j] == 58 { j += 1 }
                guard let om = digits(utf8, j, 2), j + 2 == utf8.count else { return nil }
                offset = (oh * 3600 + om * 60) * (sign == 43 ? 1 : -1)
            }
        }
        let days = daysFromCivil(y, mo, d)
        let seconds = Double(days * 86_400 + h * 3600 + mi * 60 + s - offset) + fraction
        return .instant(Date(timeIntervalSince1970: seconds))
    }

    /// The instant of a datetime text (a date-only text is its UTC midnight).
    public static func instant(_ text: String) -> Date? {
        switch parse(text) {
        case .instant(let d)?: return d
        case .date(let y, let m, let d)?: return Date(timeIntervalSince1970: Double(daysFromCivil(y, m, d) * 86_400))
        case nil: return nil
        }
    }

    /// `2024-01-31T17:05:09.000Z` (UTC, milliseconds).
    public static func format(_ date: Date) -> String {
        let total = date.timeIntervalSince1970
        let whole = Int(total.rounded(.down))
        let millis = min(999, Int(((total - Double(whole)) * 1000).rounded()))
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secs = whole - days * 86_400
        let (y, m, d) = civilFromDays(days)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs % 3600 / 60, 2)):\(pad(secs % 60, 2)).\(pad(millis, 3))Z"
    }

    /// `2024-01-31`.
    public static func format(year: Int, month: Int, day: Int) -> String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    static func pad(_ n: Int, _ w: Int) -> String {
        let s = String(n)
        return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
    }
    static func digit(_ b: UInt8) -> Int? { (48...57).contains(b) ? Int(b - 48) : nil }
    static func digits(_ a: [UInt8], _ start: Int, _ n: Int) -> Int? {
        guard start + n <= a.count else { return nil }
        var v = 0
        for i in start..<(start + n) { guard let x = digit(a[i]) else { return nil }; v = v * 10 + x }
        return v
    }
    static func daysIn(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
