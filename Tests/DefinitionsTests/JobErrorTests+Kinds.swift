import Definitions
import Foundation
import Testing

@Suite("Job files: kind, YAML and custom object problems")
struct JobKindErrorTests {
    @Test("a missing kind and an unknown kind (with a did-you-mean) stop the file")
    func kinds() {
        #expect(problems("label: x\n") == [
            "job.yaml:1: kind: is required: use one of import, import_custom_object, audience, export_audiences."])
        #expect(problems("kind: imprt\nlabel: x\nbogus: 1\n") == [
            "job.yaml:1: kind: 'imprt' is not a job kind; use one of import, import_custom_object, audience, export_audiences. Did you mean 'import'?"])
        #expect(problems("kind: export_audience\n").first?.hasSuffix("Did you mean 'export_audiences'?") == true)
    }

    @Test("malformed YAML and a file that is not a mapping name the line")
    func malformed() {
        let p = problems("kind: import\nleads: [a, b\nlabel: x\n")
        #expect(p.count == 1)
        #expect(p.first?.hasPrefix("job.yaml:") == true && p.first?.contains(": is not valid YAML: ") == true)
        #expect(problems("- kind: import\n") == ["job.yaml:1: must be a YAML mapping with a kind: key."])
        #expect(problems("") == ["job.yaml:1: must be a YAML mapping with a kind: key."])
    }

    @Test("an unreadable file says so")
    func unreadable() {
        do {
            _ = try JobLoader.load(file: "/nonexistent/job.yaml", now: jobTestNow)
            Issue.record("loaded")
        } catch {
            #expect(error.errors.map(\.description) == ["/nonexistent/job.yaml: cannot be read; check that the file exists and is UTF-8."])
        }
    }

    @Test("every problem of a custom object import is reported at once")
    func customObject() throws {
        #expect(try fixtureProblems("custom-object-many-problems") == [
            "custom-object-many-problems.yaml:1: authorization: is required: name an authorization (a file of the authorizations folder) or write one inline.",
            "custom-object-many-problems.yaml:2: label: must be a string.",
            "custom-object-many-problems.yaml:3: stream: 'bad-stream' is not a stream name (letters, digits and underscores, starting with a letter or underscore).",
            "custom-object-many-problems.yaml:4: object: 'Subscription c' is not a Salesforce object API name (letters, digits and underscores, starting with a letter, custom objects ending in __c).",
            "custom-object-many-problems.yaml:5: fields: must list at least one field.",
            "custom-object-many-problems.yaml:6: timestamp_field: 'Last Modified' is not a Salesforce API name (letters, digits and underscores, starting with a letter, custom fields ending in __c).",
            "custom-object-many-problems.yaml:7: max_daily_api_calls: 0 is out of range; give the most Salesforce calls this job may make in 24 hours (at least 1).",
        ])
    }

    @Test("a custom object import needs stream, object and fields")
    func customObjectRequired() {
        #expect(problems("kind: import_custom_object\nauthorization: a\nfields: Name\n") == [
            "job.yaml:1: stream: is required: name the stream records land in (e.g. salesforce_subscriptions).",
            "job.yaml:1: object: is required: name the Salesforce object (e.g. Subscription__c).",
            "job.yaml:3: fields: must be a list of field names.",
        ])
        #expect(problems("kind: import_custom_object\nauthorization: a\nstream: s\nobject: X__c\n") == [
            "job.yaml:1: fields: is required: list the fields to import."])
    }

    @Test("a custom object's user mapping must map that object")
    func customObjectMapping() throws {
        let p = problems("kind: import_custom_object\nauthorization: a\nstream: s\nobject: Other__c\nfields: [Name]\nmappings: [\(try fixturePath("mapping-of-subscription"))]\n")
        #expect(p.count == 1)
        #expect(p.first?.hasPrefix("job.yaml:6: mappings[0]: ") == true)
        #expect(p.first?.hasSuffix("maps Subscription__c, which this job does not import (it imports Other__c).") == true)
    }
}
