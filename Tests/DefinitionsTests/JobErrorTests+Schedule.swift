import Definitions
import Foundation
import Testing

@Suite("Job files: schedule problems")
struct JobScheduleErrorTests {
    @Test("a bad frequency, time, time zone and day are each reported with a fix")
    func badValues() throws {
        #expect(try fixtureProblems("schedule-bad-values") == [
            "schedule-bad-values.yaml:4: frequency: 'hurly' is not a frequency; use one of hourly, daily, weekly. Did you mean 'hourly'?",
            "schedule-bad-values.yaml:5: time_of_day: '25:00' is not a time of day; use HH:MM on a 24-hour clock, 00:00 to 23:59.",
            "schedule-bad-values.yaml:6: time_zone: 'America/New_Yrok' is not an IANA time zone (such as America/New_York, Europe/Berlin or UTC). Did you mean 'America/New_York'?",
            "schedule-bad-values.yaml:7: day_of_week: is only used when frequency is weekly; set frequency: weekly or remove day_of_week.",
        ])
    }

    @Test("schedule keys without keep_updated have no effect and are errors")
    func withoutKeepUpdated() throws {
        #expect(try fixtureProblems("schedule-without-keep-updated") == [
            "schedule-without-keep-updated.yaml:6: frequency: has no effect unless keep_updated is true; set keep_updated: true or remove frequency.",
            "schedule-without-keep-updated.yaml:7: day_of_week: has no effect unless keep_updated is true; set keep_updated: true or remove day_of_week.",
            "schedule-without-keep-updated.yaml:8: time_of_day: has no effect unless keep_updated is true; set keep_updated: true or remove time_of_day.",
            "schedule-without-keep-updated.yaml:9: time_zone: has no effect unless keep_updated is true; set keep_updated: true or remove time_zone.",
        ])
        #expect(problems("kind: import\nauthorization: a\nkeep_updated: false\nfrequency: daily\n") == [
            "job.yaml:4: frequency: has no effect unless keep_updated is true; set keep_updated: true or remove frequency."])
    }

    @Test("a weekly schedule loads with its day, time and zone; abbreviations are not IANA zones")
    func weekly() throws {
        let job = try JobLoader.parse("""
            kind: import
            authorization: a
            keep_updated: true
            frequency: weekly
            day_of_week: friday
            time_of_day: 9:45
            time_zone: Europe/Berlin
            """, file: "job.yaml", now: jobTestNow)
        guard case .importObjects(let j) = job else { Issue.record("kind"); return }
        #expect(j.schedule?.dayOfWeek == .friday)
        #expect(j.schedule?.timeOfDay.description == "09:45")
        #expect(j.schedule?.timeZone.identifier == "Europe/Berlin")
        #expect(problems("kind: import\nauthorization: a\nkeep_updated: true\ntime_zone: EST\n").first?
            .hasPrefix("job.yaml:4: time_zone: 'EST' is not an IANA time zone") == true)
        #expect(problems("kind: import\nauthorization: a\nkeep_updated: yes please\n") == [
            "job.yaml:3: keep_updated: must be true or false."])
    }
}
