import ConnectorCore
import Foundation

/// `keep_updated`, `frequency`, `time_of_day`, `time_zone` and `day_of_week`.
enum JobScheduleKeys {
    static let scheduleKeys = ["frequency", "time_of_day", "time_zone", "day_of_week"]

    /// The schedule of a kept-updated job; nil for a one-time job (or when a key is wrong).
    static func read(_ r: inout NodeReader, defaultFrequency: Frequency) -> Schedule? {
        let keep = r.bool("keep_updated") ?? false
        let frequency = r.choice("frequency", "a frequency", as: Frequency.self)
        var time: TimeOfDay?
        if let (text, line) = r.text("time_of_day") {
            time = TimeOfDay(parsing: text)
            if time == nil {
                r.fail(.invalidValue, "time_of_day", line,
                       "'\(text)' is not a time of day; use HH:MM on a 24-hour clock, 00:00 to 23:59.")
            }
        }
        var zone: TimeZone?
        if let (text, line) = r.text("time_zone") {
            zone = timeZone(text)
            if zone == nil {
                var sentence = "'\(text)' is not an IANA time zone (such as America/New_York, Europe/Berlin or UTC)."
                if let guess = Suggest.closest(to: text, in: TimeZone.knownTimeZoneIdentifiers) { sentence += " Did you mean '\(guess)'?" }
                r.fail(.invalidValue, "time_zone", line, sentence)
            }
        }
        let day = r.choice("day_of_week", "a day of the week", as: Weekday.self)
        let present = scheduleKeys.compactMap { key in JobCommonKeys.line(of: key, in: r).map { (key, $0) } }
        guard keep else {
            for (key, line) in present {
                r.fail(.invalidValue, key, line, "has no effect unless keep_updated is true; set keep_updated: true or remove \(key).")
            }
            return nil
        }
        let effective = frequency ?? defaultFrequency
        if effective != .weekly, let line = JobCommonKeys.line(of: "day_of_week", in: r) {
            r.fail(.invalidValue, "day_of_week", line,
                   "is only used when frequency is weekly; set frequency: weekly or remove day_of_week.")
        }
        return Schedule(frequency: effective, timeOfDay: time ?? TimeOfDay(hour: 0, minute: 0),
                        timeZone: zone ?? TimeZone(identifier: "UTC")!, dayOfWeek: day ?? .monday)
    }

    /// An IANA zone by its exact identifier (abbreviations such as EST are not accepted).
    static func timeZone(_ identifier: String) -> TimeZone? {
        guard identifier == "UTC" || identifier == "GMT" || TimeZone.knownTimeZoneIdentifiers.contains(identifier) else { return nil }
        return TimeZone(identifier: identifier)
    }
}
