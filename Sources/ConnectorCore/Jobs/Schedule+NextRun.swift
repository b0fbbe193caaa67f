import Foundation

extension Schedule {
    /// The first run strictly after `date`.
    public func nextRun(after date: Date) -> Date {
        switch frequency {
        case .hourly: return nextHourly(after: date)
        case .daily: return nextOnDay(after: date) { _ in true }
        case .weekly:
            let wanted = dayOfWeek.gregorianNumber
            return nextOnDay(after: date) { Self.civilCalendar.component(.weekday, from: $0) == wanted }
        }
    }

    /// A proleptic Gregorian calendar in UTC, used for civil-date arithmetic only.
    public static let civilCalendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// The wall-clock reading of an instant in the schedule's zone, as seconds since the epoch
    /// of a UTC clock showing the same date and time.
    func wall(_ t: Date) -> TimeInterval {
        t.timeIntervalSince1970 + TimeInterval(timeZone.secondsFromGMT(for: t))
    }

    private func nextHourly(after date: Date) -> Date {
        let anchor = TimeInterval(timeOfDay.minute * 60)
        var t = date.addingTimeInterval(-Self.positiveMod(wall(date) - anchor, 3600))
        while t <= date { t = t.addingTimeInterval(3600) }
        // Zones whose offset changes by a part of an hour: realign to the local minute.
        let drift = Self.positiveMod(wall(t) - anchor, 3600)
        if drift != 0 {
            t = t.addingTimeInterval(-drift)
            if t <= date { t = t.addingTimeInterval(3600) }
        }
        return t
    }

    private func nextOnDay(after date: Date, where accepts: (Date) -> Bool) -> Date {
        // The civil date (as UTC midnight) on which `date` falls in the zone.
        let dayStart = Self.civilCalendar.startOfDay(for: Date(timeIntervalSince1970: wall(date)))
        let offsetInDay = TimeInterval(timeOfDay.hour * 3600 + timeOfDay.minute * 60)
        for days in 0...8 {
            let day = Self.civilCalendar.date(byAdding: .day, value: days, to: dayStart)!
            guard accepts(day) else { continue }
            let run = instant(forWall: day.timeIntervalSince1970 + offsetInDay)
            if run > date { return run }
        }
        return instant(forWall: wall(date) + 7 * 86_400) // unreachable for real zones
    }

    /// The first instant whose wall-clock reading is `w`; inside a spring-forward gap, the
    /// first instant after the gap.
    func instant(forWall w: TimeInterval) -> Date {
        var offsets = Set<Int>()
        for k in -10...10 {
            offsets.insert(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: w + TimeInterval(k) * 10_800)))
        }
        let exact = offsets.map { Date(timeIntervalSince1970: w - TimeInterval($0)) }.filter { wall($0) == w }
        if let first = exact.min() { return first }
        // A gap: search the instants between the two readings for the first one past `w`.
        var lo = w - TimeInterval(offsets.max()!), hi = w - TimeInterval(offsets.min()!)
        while hi - lo > 1 {
            let mid = ((lo + hi) / 2).rounded(.down)
            if wall(Date(timeIntervalSince1970: mid)) >= w { hi = mid } else { lo = mid }
        }
        return Date(timeIntervalSince1970: hi)
    }

    static func positiveMod(_ a: TimeInterval, _ m: TimeInterval) -> TimeInterval {
        let r = a.truncatingRemainder(dividingBy: m)
        return r < 0 ? r + m : r
    }
}
