import Definitions
import Foundation
import Testing

@Suite("Job files: import problems")
struct JobImportErrorTests {
    @Test("every problem of an import file is reported at once, in line order")
    func manyProblems() throws {
        let p = try fixtureProblems("import-many-problems")
        let expected = [
            "import-many-problems.yaml:2: lable: is not a known key. Did you mean 'label'?",
            "import-many-problems.yaml:4: max_daily_api_calls: must be a whole number.",
            "import-many-problems.yaml:5: api: 'soap' is not an API mode; use one of auto, rest, bulk.",
            "import-many-problems.yaml:7: leads.additional_fields[1]: 'Bad Name' is not a Salesforce API name (letters, digits and underscores, starting with a letter; dots for relationships).",
            "import-many-problems.yaml:7: leads.additional_fields[2]: repeats 'Rating'; list it once.",
            "import-many-problems.yaml:8: leads.timestamp_field: 'Owner.LastModifiedDate' is a relationship path; name a field of the object itself.",
            "import-many-problems.yaml:9: leads.since: '2030-01-01' is in the future; use a date at or before now (2026-12-01T12:00:00Z).",
            "import-many-problems.yaml:10: leads.sinse: is not a known key. Did you mean 'since'?",
            "import-many-problems.yaml:12: contacts.since: 'yesterday' is not a date or date-time; use 2024-01-31 or 2024-01-31T08:00:00Z.",
            "import-many-problems.yaml:13: accounts: must be a mapping with additional_fields, timestamp_field and since.",
            "import-many-problems.yaml:14: import_opportunities: must be true or false.",
            "import-many-problems.yaml:15: priority: 'urgent' is not a priority; use one of realtime, backfill, import.",
        ]
        #expect(Array(p.prefix(expected.count)) == expected)
        #expect(p.count == expected.count + 2)
        #expect(p.dropFirst(expected.count).first?.hasPrefix(
            "import-many-problems.yaml:16: mappings[0]: 'missing-mapping.yaml' does not exist (looked for ") == true)
        #expect(p.last == "import-many-problems.yaml:16: mappings[1]: 'mapping-of-subscription.yaml' maps Subscription__c, which this job does not import (it imports Lead, Contact, Account, Opportunity).")
    }

    @Test("a missing authorization and a wrongly typed one are reported")
    func authorization() {
        #expect(problems("kind: import\n") == [
            "job.yaml:1: authorization: is required: name an authorization (a file of the authorizations folder) or write one inline."])
        #expect(problems("kind: import\nauthorization: [a, b]\n") == [
            "job.yaml:2: authorization: must be the name of an authorization or a mapping of its keys."])
        #expect(problems("kind: import\nauthorization: my/auth\n") == [
            "job.yaml:2: authorization: 'my/auth' is not an authorization name (letters, digits, '_', '-' and '.')."])
    }

    @Test("switching every object off is an error on the last toggle")
    func nothingToImport() {
        let p = problems("""
            kind: import
            authorization: simulator
            import_leads: false
            import_contacts: false
            import_accounts: false
            import_opportunities: false
            """)
        #expect(p == ["job.yaml:6: import_opportunities: switches off the last object; the job would import nothing (set one of import_leads, import_contacts, import_accounts, import_opportunities to true)."])
    }

    @Test("since takes dates and ISO 8601 date-times, not impossible dates")
    func sinceForms() {
        for good in ["2024-01-31", "2024-01-31T08:00:00Z", "2024-01-31T08:00Z", "2024-01-31T08:00:00.250+01:00", "2024-02-29T00:00:00-0800"] {
            #expect(problems("kind: import\nauthorization: a\nleads:\n  since: \"\(good)\"\n").isEmpty, "\(good)")
        }
        for bad in ["2023-02-29", "2024-13-01", "2024-01-31T25:00:00Z", "31/01/2024", "2024-01-31T08:00:00 UTC"] {
            #expect(problems("kind: import\nauthorization: a\nleads:\n  since: \"\(bad)\"\n") == [
                "job.yaml:4: leads.since: '\(bad)' is not a date or date-time; use 2024-01-31 or 2024-01-31T08:00:00Z."], "\(bad)")
        }
        #expect(problems("kind: import\nauthorization: a\nleads:\n  since: 2026-12-01T12:00:01Z\n") == [
            "job.yaml:4: leads.since: '2026-12-01T12:00:01Z' is in the future; use a date at or before now (2026-12-01T12:00:00Z)."])
    }

    @Test("a user mapping with its own problems reports them in its own file")
    func badUserMapping() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "object: Lead\nstream: salesforce_leads\nfields:\n  - source: a\n    salesforce: Rating\n    user_field: r\n    type: float\n"
            .write(to: dir.appendingPathComponent("extra.yaml"), atomically: true, encoding: .utf8)
        let job = dir.appendingPathComponent("job.yaml").path
        try "kind: import\nauthorization: simulator\nmappings: [extra.yaml]\n".write(toFile: job, atomically: true, encoding: .utf8)
        do {
            _ = try JobLoader.load(file: job, now: jobTestNow)
            Issue.record("loaded")
        } catch {
            #expect(error.errors.map(\.description) == [
                "\(dir.path)/extra.yaml:4: fields[0].type: 'float' is not a field type; use one of string, number, int, bool, date, []string."])
        }
    }
}
