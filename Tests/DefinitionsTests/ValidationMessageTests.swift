import Definitions
import Foundation
import Testing

/// Validation messages no other test fed: a mapping row without its Salesforce field, `fields:`
/// that is not a list, a mapping file that is not a YAML mapping, a job's `mappings:` entry that
/// cannot be read, and an unknown `day_of_week`.
@Suite("Validation messages")
struct ValidationMessageTests {
    func mappingProblems(_ yaml: String) -> [String] { MappingErrorTests().problems(yaml) }

    @Test("a row of an object's mapping without salesforce: is an error unless it derives the import time")
    func salesforceRequiredUnlessImportTime() {
        #expect(mappingProblems("""
            object: Lead
            stream: salesforce_leads
            fields:
              - source: lead_email
                user_field: email
                type: string
              - source: lead_domain
                user_field: emaildomains
                type: "[]string"
                derive: email_domain
              - source: salesforce_last_user_imported
                user_field: salesforce_last_user_imported
                type: date
                derive: import_time
            """) == [
            "m.yaml:4: fields[0].salesforce: is required unless derive is import_time.",
            "m.yaml:7: fields[1].salesforce: is required unless derive is import_time.",
        ])
    }

    @Test("fields: that is not a list is reported at its line")
    func fieldsNotAList() {
        #expect(mappingProblems("object: Lead\nstream: salesforce_leads\nfields: lead_email\n") == [
            "m.yaml:3: fields: must be a list of field rows."])
        #expect(mappingProblems("object: Lead\nstream: salesforce_leads\nfields:\n  source: lead_email\n") == [
            "m.yaml:4: fields: must be a list of field rows."])
    }

    @Test("an empty mapping file, a comment-only one and a top-level list are not YAML mappings")
    func notAMapping() {
        let expected = ["m.yaml:1: must be a YAML mapping with object, stream and fields."]
        #expect(mappingProblems("") == expected)
        #expect(mappingProblems("# nothing here\n") == expected)
        #expect(mappingProblems("- object: Lead\n- stream: salesforce_leads\n") == expected)
        #expect(mappingProblems("just a sentence\n") == expected)
    }

    @Test("a job's mappings: entry that is a folder or not UTF-8 names the file; its own errors keep their file:line")
    func jobMappingCannotBeLoaded() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("validation-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: dir + "/folder.yaml", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: dir) }
        try Data([0x6F, 0x62, 0x6A, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: dir + "/latin.yaml"))
        try "object: Lead\nstream: salesforce_leads\nfields:\n  - source: lead_x\n    user_field: x\n    type: string\n"
            .write(toFile: dir + "/rowless.yaml", atomically: true, encoding: .utf8)
        try "kind: import\nauthorization: a\nmappings:\n  - folder.yaml\n  - latin.yaml\n  - rowless.yaml\n"
            .write(toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)
        var messages: [String] = []
        do { _ = try JobLoader.load(file: dir + "/job.yaml", now: jobTestNow) } catch {
            messages = error.errors.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
        }
        #expect(messages == [
            "folder.yaml: cannot be read; check that the file exists and is UTF-8.",
            "latin.yaml: cannot be read; check that the file exists and is UTF-8.",
            "rowless.yaml:4: fields[0].salesforce: is required unless derive is import_time.",
        ])
    }

    @Test("an unknown day_of_week lists the days, with a did-you-mean when one is close")
    func unknownDayOfWeek() {
        let job = { (day: String) in
            "kind: import\nauthorization: a\nkeep_updated: true\nfrequency: weekly\nday_of_week: \(day)\n"
        }
        let days = "sunday, monday, tuesday, wednesday, thursday, friday, saturday"
        #expect(problems(job("wensday")) == [
            "job.yaml:5: day_of_week: 'wensday' is not a day of the week; use one of \(days). Did you mean 'wednesday'?"])
        #expect(problems(job("Friday")) == [
            "job.yaml:5: day_of_week: 'Friday' is not a day of the week; use one of \(days). Did you mean 'friday'?"])
        #expect(problems(job("7")) == ["job.yaml:5: day_of_week: '7' is not a day of the week; use one of \(days)."])
    }
}
