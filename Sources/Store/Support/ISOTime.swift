import Foundation

/// Fast ISO 8601 for the store: formats `2026-01-01T00:00:00.000Z` (UTC, milliseconds) and
/// parses Salesforce's forms (`2026-01-01T00:00:00.000+0000`, `…Z`, `…+01:00`, `2026-01-01`).
enum ISOTime {
    static func format(ms: Int64) -> String {
        var days = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        let rem = ms - days * 86_400_000
        // Civil from days (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        let h = rem / 3_600_000, mi = rem / 60_000 % 60, s = rem / 1000 % 60, f = rem % 1000
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2)).\(pad(f, 3))Z"
    }

    static func format(_ date: Date) -> String { format(ms: Millis.from(date)) }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Milliseconds since 1970 for an ISO 8601 date or date-time; nil when it is not one.
    static func parse(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        func num(_ from: Int, _ len: Int) -> Int64? {
            guard from + len <= b.count else { return nil }
            var v: Int64 = 0
            for i in from..<from + len {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                v = v * 10 + Int64(b[i] - 0x30)
            }
            return v
        }
        guard let y = num(0, 4), b.count >= 10, b[4] == 0x2D, b[7] == 0x2D, let mo = num(5, 2), let d = num(8, 2),
              (1...12).contains(mo), (1...31).contains(d) else { return nil }
        var ms = days(y, mo, d) * 86_400_000
        if b.count == 10 { return ms }
        guard b[10] == UInt8(ascii: "T") || b[10] == 0x20, let h = num(11, 2), b.count >= 16, b[13] == 0x3A, let mi = num(14, 2)
        else { return nil }
        var i = 16
        var sec: Int64 = 0
        if i < b.count, b[i] == 0x3A { guard let s = num(17, 2) else { return nil }; sec = s; i = 19 }
        var frac: Int64 = 0
        if i < b.count, b[i] == 0x2E {
            i += 1
            var digits = 0
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                if digits < 3 { frac = frac * 10 + Int64(b[i] - 0x30) }
                digits += 1; i += 1
            }
            guard digits > 0 else { return nil }
            if digits < 3 { for _ in digits..<3 { frac *= 10 } }
        }
        guard h < 24, mi < 60, sec < 61 else { return nil }
        ms += ((h * 60 + mi) * 60 + sec) * 1000 + frac
        if i == b.count { return ms }
        if b[i] == UInt8(ascii: "Z"), i + 1 == b.count { return ms }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), let oh = num(i + 1, 2) else { return nil }
        var j = i + 3
        if j < b.count, b[j] == 0x3A { j += 1 }
        guard let om = num(j, 2), j + 2 == b.count else { return nil }
        let offset = (oh * 60 + om) * 60_000
        return b[i] == UInt8(ascii: "+") ? ms - offset : ms + offset
    }

    private static func days(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
