import ConnectorCore
import Foundation

/// Parses `since:` values: a date (`2024-01-31`, midnight UTC) or an ISO 8601 date-time
/// (`2024-01-31T08:00:00Z`, `2024-01-31T08:00:00.250+01:00`; without an offset it is UTC).
enum SinceDate {
    static func parse(_ text: String) -> Date? {
        let s = Array(text.utf8)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= s.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                guard (48...57).contains(s[k]) else { return nil }
                v = v * 10 + Int(s[k] - 48)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        guard let y = digits(4), expect(45), let mo = digits(2), expect(45), let d = digits(2) else { return nil }
        var comps = DateComponents(year: y, month: mo, day: d, hour: 0, minute: 0, second: 0)
        var fraction = 0.0, offset = 0
        if i < s.count {
            guard expect(84) || expect(32) || expect(116), let h = digits(2), expect(58), let mi = digits(2) else { return nil }
            comps.hour = h
            comps.minute = mi
            if expect(58) {
                guard let sec = digits(2) else { return nil }
                comps.second = sec
                if expect(46) {
                    let start = i
                    while i < s.count, (48...57).contains(s[i]) { i += 1 }
                    guard i > start, let f = Double("0." + String(decoding: s[start..<i], as: UTF8.self)) else { return nil }
                    fraction = f
                }
            }
            if expect(90) || expect(122) {
                offset = 0
            } else if i < s.count, s[i] == 43 || s[i] == 45 {
                let sign = s[i] == 45 ? -1 : 1
                i += 1
                guard let oh = digits(2) else { return nil }
                _ = expect(58)
                guard let om = digits(2), oh <= 14, om <= 59 else { return nil }
                offset = sign * (oh * 3600 + om * 60)
            }
            guard i == s.count else { return nil }
        }
        guard let h = comps.hour, h <= 23, let m = comps.minute, m <= 59, let sec = comps.second, sec <= 59,
              comps.isValidDate(in: Schedule.civilCalendar), let date = Schedule.civilCalendar.date(from: comps)
        else { return nil }
        return date.addingTimeInterval(fraction - TimeInterval(offset))
    }

    /// `2026-12-01T21:00:00Z`.
    static func format(_ date: Date) -> String {
        let c = Schedule.civilCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))Z"
    }
}
