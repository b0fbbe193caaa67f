import ConnectorCore
import Foundation
import Testing

@Suite("Schedule: next run across DST")
struct JobScheduleTests {
    func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }
    func zone(_ id: String) -> TimeZone { TimeZone(identifier: id)! }
    func daily(_ h: Int, _ m: Int, _ z: String) -> Schedule {
        Schedule(frequency: .daily, timeOfDay: TimeOfDay(hour: h, minute: m), timeZone: zone(z))
    }

    @Test("daily 02:30 New York: the spring-forward day runs at 03:00 EDT, the next day at 02:30 EDT")
    func springForwardGap() {
        let s = daily(2, 30, "America/New_York")
        #expect(s.nextRun(after: at("2026-03-07T07:30:00Z")) == at("2026-03-08T07:00:00Z"))
        #expect(s.nextRun(after: at("2026-03-08T07:00:00Z")) == at("2026-03-09T06:30:00Z"))
        #expect(s.nextRun(after: at("2026-03-06T12:00:00Z")) == at("2026-03-07T07:30:00Z"))
    }

    @Test("daily 09:00 New York keeps local time across the spring change (23 hours apart)")
    func springForwardKeepsWallTime() {
        let s = daily(9, 0, "America/New_York")
        let first = s.nextRun(after: at("2026-03-07T00:00:00Z"))
        let second = s.nextRun(after: first)
        #expect(first == at("2026-03-07T14:00:00Z"))
        #expect(second == at("2026-03-08T13:00:00Z"))
        #expect(second.timeIntervalSince(first) == 23 * 3600)
    }

    @Test("daily 01:30 New York on the fall-back day runs once, at the first 01:30")
    func fallBackRunsOnce() {
        let s = daily(1, 30, "America/New_York")
        #expect(s.nextRun(after: at("2026-10-31T06:00:00Z")) == at("2026-11-01T05:30:00Z"))
        #expect(s.nextRun(after: at("2026-11-01T05:30:00Z")) == at("2026-11-02T06:30:00Z"))
    }

    @Test("weekly Monday 09:00 Berlin across the autumn change: 7 days and 1 hour apart")
    func weeklyBerlinAutumn() {
        let s = Schedule(frequency: .weekly, timeOfDay: TimeOfDay(hour: 9, minute: 0), timeZone: zone("Europe/Berlin"),
                         dayOfWeek: .monday)
        #expect(s.nextRun(after: at("2026-10-19T07:00:00Z")) == at("2026-10-26T08:00:00Z"))
        #expect(s.nextRun(after: at("2026-10-21T10:00:00Z")) == at("2026-10-26T08:00:00Z"))
        #expect(s.nextRun(after: at("2026-10-18T12:00:00Z")) == at("2026-10-19T07:00:00Z"))
    }

    @Test("weekly on the same day before and after the time")
    func weeklySameDay() {
        let s = Schedule(frequency: .weekly, timeOfDay: TimeOfDay(hour: 18, minute: 0), timeZone: zone("UTC"), dayOfWeek: .tuesday)
        #expect(s.nextRun(after: at("2026-12-01T17:59:00Z")) == at("2026-12-01T18:00:00Z"))
        #expect(s.nextRun(after: at("2026-12-01T18:00:00Z")) == at("2026-12-08T18:00:00Z"))
    }

    @Test("hourly at :15 in New York counts elapsed hours through both DST changes")
    func hourlyAcrossChanges() {
        let s = Schedule(frequency: .hourly, timeOfDay: TimeOfDay(hour: 0, minute: 15), timeZone: zone("America/New_York"))
        #expect(s.nextRun(after: at("2026-03-08T06:20:00Z")) == at("2026-03-08T07:15:00Z"))
        #expect(s.nextRun(after: at("2026-11-01T05:20:00Z")) == at("2026-11-01T06:15:00Z"))
        #expect(s.nextRun(after: at("2026-11-01T06:15:00Z")) == at("2026-11-01T07:15:00Z"))
        #expect(s.nextRun(after: at("2026-11-01T06:14:59Z")) == at("2026-11-01T06:15:00Z"))
    }

    @Test("hourly at :00 in a half-hour zone runs on the local hour")
    func hourlyHalfHourZone() {
        let s = Schedule(frequency: .hourly, timeOfDay: TimeOfDay(hour: 0, minute: 0), timeZone: zone("Asia/Kolkata"))
        #expect(s.nextRun(after: at("2026-12-01T12:00:00Z")) == at("2026-12-01T12:30:00Z"))
    }

    @Test("times of day parse only on a 24-hour clock")
    func timeOfDayParsing() {
        #expect(TimeOfDay(parsing: "09:05") == TimeOfDay(hour: 9, minute: 5))
        #expect(TimeOfDay(parsing: "9:05") == TimeOfDay(hour: 9, minute: 5))
        #expect(TimeOfDay(parsing: "23:59")?.description == "23:59")
        for bad in ["25:00", "24:00", "12:60", "12", "12:5", "ab:cd", "-1:00", "12:00:00"] {
            #expect(TimeOfDay(parsing: bad) == nil, "\(bad)")
        }
    }
}
