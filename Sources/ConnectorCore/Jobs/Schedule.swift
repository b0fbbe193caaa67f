import Foundation

/// When a kept-updated job runs again: a frequency, a time of day and a day of the week in an
/// IANA time zone. Pure: ``nextRun(after:)`` reads no clock.
///
/// Rules (also in jobs/README.md):
/// - `hourly`: every 60 minutes of elapsed time at minute MM of `time_of_day` (default :00) in
///   the time zone, so a DST change neither skips nor doubles a run.
/// - `daily`: every day at `time_of_day` (default 00:00) wall-clock time in the time zone.
/// - `weekly`: every `day_of_week` (default Monday) at `time_of_day`.
/// - A time skipped by a spring-forward change (02:30 in New York on that Sunday) runs at the
///   first instant after the gap (03:00 local). A time that occurs twice in an autumn change runs
///   once, at its first occurrence.
public struct Schedule: Sendable, Hashable {
    public var frequency: Frequency
    public var timeOfDay: TimeOfDay
    public var timeZone: TimeZone
    /// Used by `weekly` only.
    public var dayOfWeek: Weekday

    public init(frequency: Frequency, timeOfDay: TimeOfDay = TimeOfDay(hour: 0, minute: 0),
                timeZone: TimeZone = TimeZone(identifier: "UTC")!, dayOfWeek: Weekday = .monday) {
        self.frequency = frequency
        self.timeOfDay = timeOfDay
        self.timeZone = timeZone
        self.dayOfWeek = dayOfWeek
    }
}

/// `frequency:` of a kept-updated job.
public enum Frequency: String, Sendable, Hashable, CaseIterable, Codable {
    case hourly, daily, weekly
}

/// `day_of_week:` of a weekly job.
public enum Weekday: String, Sendable, Hashable, CaseIterable, Codable {
    case sunday, monday, tuesday, wednesday, thursday, friday, saturday

    /// Gregorian `weekday` component: Sunday is 1.
    public var gregorianNumber: Int { Weekday.allCases.firstIndex(of: self)! + 1 }
}

/// `time_of_day:` as hours and minutes on a 24-hour clock.
public struct TimeOfDay: Sendable, Hashable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (or `H:MM`), 00:00 to 23:59; nil otherwise.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        self.init(hour: h, minute: m)
    }

    /// `HH:MM`.
    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
