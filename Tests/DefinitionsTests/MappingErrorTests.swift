import Definitions
import Foundation
import Testing

@Suite("Mapping file errors")
struct MappingErrorTests {
    func problems(_ yaml: String) -> [String] {
        do {
            _ = try MappingLoader.parse(yaml, file: "m.yaml")
            return []
        } catch let e as DefinitionErrors {
            return e.errors.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test("an unknown key is reported with its line and a did-you-mean")
    func unknownKey() throws {
        let file = try #require(Bundle.module.path(forResource: "mapping-unknown-key", ofType: "yaml", inDirectory: "Fixtures"))
        #expect(throws: DefinitionErrors.self) { try MappingLoader.load(file: file) }
        do { _ = try MappingLoader.load(file: file) } catch let e as DefinitionErrors {
            let text = e.description
            #expect(text.contains("mapping-unknown-key.yaml:6: fields[0].user_feild: is not a known key. Did you mean 'user_field'?"))
            #expect(text.contains("fields[0].user_field: is required."))
        }
    }

    @Test("every problem is reported at once")
    func allAtOnce() {
        let p = problems("""
        object: Lead
        stream: salesforce_leads
        fields:
          - source: a
            salesforce: "Bad Name"
            user_field: x
            type: "float"
          - source: b
            salesforce: "Email"
            user_field: y
            type: "string"
            unique_id: maybe
            derive: magic
        """)
        #expect(p.count == 4)
        #expect(p.contains("m.yaml:4: fields[0].salesforce: 'Bad Name' is not a Salesforce API name (letters, digits and underscores, starting with a letter; dots for relationships)."))
        #expect(p.contains("m.yaml:4: fields[0].type: 'float' is not a field type; use one of string, number, int, bool, date, []string."))
        #expect(p.contains("m.yaml:12: fields[1].unique_id: must be true or false."))
        #expect(p.contains("m.yaml:8: fields[1].derive: 'magic' is not a derivation; use one of email_domain, import_time, child_ids."))
    }

    @Test("malformed YAML names the line")
    func malformed() {
        let p = problems("object: Lead\nfields: [a, b\nstream: x\n")
        #expect(p.count == 1)
        #expect(p.first?.hasPrefix("m.yaml:") == true)
        #expect(p.first?.contains("is not valid YAML") == true)
    }

    @Test("missing top-level keys are required")
    func missing() {
        let p = problems("object: Lead\n")
        #expect(p.contains("m.yaml:1: stream: is required."))
        #expect(p.contains("m.yaml:1: fields: is required: list the mapped fields."))
    }

    @Test("API names follow Salesforce's rules")
    func apiNames() {
        #expect(APIName.isValidPath("Lytics_Audiences__c"))
        #expect(APIName.isValidPath("Account.Name"))
        #expect(!APIName.isValidPath("1Field"))
        #expect(!APIName.isValidPath("Field_"))
        #expect(!APIName.isValidPath("Em ail"))
        #expect(!APIName.isValidPath("Account..Name"))
    }
}
