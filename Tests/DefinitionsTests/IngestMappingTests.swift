import ConnectorCore
import Definitions
import Testing

@Suite("Ingest-only mapping files")
struct IngestMappingTests {
    @Test("a mapping without object loads when no row names a salesforce field")
    func loadsWithoutObject() throws {
        let m = try MappingLoader.parse("""
        stream: web_events
        fields:
          - source: user_email
            user_field: email
            type: string
            unique_id: true
          - source: score
            user_field: web_score
            type: number
        """, file: "web.yaml")
        #expect(m.stream == "web_events")
        #expect(m.salesforceObject == nil)
        #expect(m.fields.map(\.userField) == ["email", "web_score"])
        #expect(m.fields.first?.isUniqueID == true)
    }

    @Test("a row that names a salesforce field needs an object")
    func salesforceNeedsObject() {
        do {
            _ = try MappingLoader.parse("""
            stream: web_events
            fields:
              - source: user_email
                salesforce: Email
                user_field: email
                type: string
            """, file: "web.yaml")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("web.yaml:3: fields[0].salesforce: names a Salesforce field, but the file has no object: key"))
        }
    }
}
