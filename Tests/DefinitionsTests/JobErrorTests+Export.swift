import Definitions
import Foundation
import Testing

@Suite("Job files: export problems")
struct JobExportErrorTests {
    static let base = "kind: export_audiences\nauthorization: simulator\nobject: Lead\n"

    @Test("every problem of an export file is reported at once")
    func manyProblems() throws {
        #expect(try fixtureProblems("export-many-problems") == [
            "export-many-problems.yaml:3: audiences[1]: 'bad name' is not an audience name (letters, digits, '_', '-' and '.').",
            "export-many-problems.yaml:5: match_field: 'Email' is not mapped; map a profile field to it under required_fields or extra_fields.",
            "export-many-problems.yaml:7: audience_separator: '_' cannot separate audience names; use up to 8 characters that are not letters, digits, '_', '-', '.' or line breaks (e.g. ';').",
            "export-many-problems.yaml:8: send_scores_to: is required with scores_fields: name the long-text field that receives them.",
            "export-many-problems.yaml:11: required_fields.last name: 'last name' is not a profile field name (letters, digits and underscores, starting with a letter or underscore).",
            "export-many-problems.yaml:13: extra_fields.salesforce_lead_company: 'LastName' is already mapped from salesforce_lead_last_name; map each Salesforce field once.",
            "export-many-problems.yaml:14: extra_fields.salesforce_lead_title: 'Account.Name' is a relationship path; name a field of the object itself.",
            "export-many-problems.yaml:15: batch_size: 500 is out of range; use 1 to 200 records per request (the sObject Collections limit).",
            "export-many-problems.yaml:16: on_duplicate: 'merge' is not a duplicate policy; use one of update_match, allow_save, reject.",
            "export-many-problems.yaml:17: on_converted_lead: 'folow' is not a converted-lead policy; use one of follow, reject. Did you mean 'follow'?",
        ])
    }

    @Test("an export without audiences, or with an empty list, is an error")
    func audiences() {
        #expect(problems(Self.base + "send_audiences_to: Lytics_Audiences__c\n") == [
            "job.yaml:1: audiences: is required: list the audiences to export."])
        #expect(problems(Self.base + "audiences: []\nsend_audiences_to: Lytics_Audiences__c\n") == [
            "job.yaml:4: audiences: must list at least one audience."])
    }

    @Test("75 trigger fields are allowed and 76 are an error")
    func triggerFields() {
        func yaml(_ n: Int) -> String {
            Self.base + "audiences: [a]\nsend_audiences_to: Lytics_Audiences__c\ntrigger_fields: [" +
                (1...n).map { "field_\($0)" }.joined(separator: ", ") + "]\n"
        }
        #expect(problems(yaml(75)).isEmpty)
        #expect(problems(yaml(76)) == ["job.yaml:6: trigger_fields: lists 76 fields; at most 75 are allowed."])
    }

    @Test("batch sizes from 1 to 200 are allowed")
    func batchSize() {
        let yaml = { (n: String) in Self.base + "audiences: [a]\nsend_audiences_to: Lytics_Audiences__c\nbatch_size: \(n)\n" }
        #expect(problems(yaml("200")).isEmpty && problems(yaml("1")).isEmpty)
        #expect(problems(yaml("201")) == ["job.yaml:6: batch_size: 201 is out of range; use 1 to 200 records per request (the sObject Collections limit)."])
        #expect(problems(yaml("ten")) == ["job.yaml:6: batch_size: must be a whole number."])
    }

    @Test("an export that sends nothing, or creates nothing without a match field, is an error")
    func nothingToSend() {
        #expect(problems(Self.base + "audiences: [a]\n") == [
            "job.yaml:1: extra_fields: nothing would be sent; map profile fields under required_fields or extra_fields, or set send_audiences_to."])
        #expect(problems(Self.base + "audiences: [a]\nsend_audiences_to: Lytics_Audiences__c\ncreate_missing: false\n") == [
            "job.yaml:6: create_missing: false needs a match_field; without one every member is created."])
    }

    @Test("a Salesforce field takes one value: send_audiences_to cannot also be mapped")
    func targetsOnce() {
        #expect(problems(Self.base + "audiences: [a]\nsend_audiences_to: Description\nextra_fields:\n  notes: Description\n") == [
            "job.yaml:5: send_audiences_to: 'Description' is also mapped from notes; a field cannot take both."])
        #expect(problems(Self.base + "audiences: [a]\nsend_content_affinity_to: Lytics_Content_Affinity__c\n") == [
            "job.yaml:5: content_affinity_fields: is required with send_content_affinity_to: list the profile fields to send."])
        #expect(problems(Self.base + "audiences: [a]\nextra_fields: [email]\n") == [
            "job.yaml:5: extra_fields: must be a mapping of profile field to Salesforce field."])
    }
}
