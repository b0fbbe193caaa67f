import Foundation
import Testing

@Suite("sfconnect ingest, profiles, audiences and streams")
struct StoreCommandTests {
    let dir: URL
    let store: String
    let mappings: String

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("cli-store-\(UUID().uuidString)")
        let m = dir.appendingPathComponent("mappings")
        try FileManager.default.createDirectory(at: m, withIntermediateDirectories: true)
        try """
        stream: web_events
        fields:
          - source: email
            user_field: email
            type: string
            unique_id: true
          - source: page
            user_field: web_pages
            type: "[]string"
          - source: score
            user_field: web_score
            type: number
        """.write(to: m.appendingPathComponent("web.yaml"), atomically: true, encoding: .utf8)
        store = dir.appendingPathComponent("s/store.sqlite").path
        mappings = m.path
    }

    func file(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("ingest lands good lines, reports bad ones with file:line, and profiles show the result")
    func ingestAndShow() async throws {
        let input = try file("ev.ndjson", """
        {"email":"Ann@x.com","page":"/a","score":3,"_ts":"2026-01-01T00:00:00Z"}
        {"page":"/b"}
        {"email":"ann@x.com","page":"/c","score":5,"_ts":"2026-01-02T00:00:00Z"}
        {oops
        """)
        let r = try await CLIRunner.run(["ingest", "web_events", input, "--store", store, "--mappings", mappings])
        #expect(r.status == 1)
        #expect(r.stdout.contains("web_events: 2 stored, 0 duplicates, 2 rejected"))
        #expect(r.stderr.contains("ev.ndjson:2: has none of the unique ids (email)"))
        #expect(r.stderr.contains("ev.ndjson:4: is not valid JSON"))

        let text = try await CLIRunner.run(["profiles", "show", "--email", "ANN@x.com", "--store", store])
        #expect(text.status == 0)
        #expect(text.stdout.contains("web_score: 5"))
        #expect(text.stdout.contains(#"web_pages: ["/a","/c"]"#))
        let json = try await CLIRunner.run(["profiles", "show", "--id", "ann@x.com", "--json", "--store", store])
        #expect(json.stdout.contains(#""fields":{"email":"ann@x.com","web_pages":["/a","/c"],"web_score":5}"#))
        let missing = try await CLIRunner.run(["profiles", "show", "--email", "zed@x.com", "--store", store])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("No profile has the email 'zed@x.com'"))
        let both = try await CLIRunner.run(["profiles", "show", "--store", store])
        #expect(both.status == 64)
        #expect(both.stderr.contains("Give exactly one of --email or --id."))
    }

    @Test("ingest without a mapping for the stream says how to add one")
    func ingestUnmapped() async throws {
        let input = try file("x.ndjson", #"{"email":"a@x.com"}"# + "\n")
        let r = try await CLIRunner.run(["ingest", "clicks", input, "--store", store, "--mappings", mappings])
        #expect(r.status == 1)
        #expect(r.stderr.contains("No mapping names stream clicks (mapped streams: web_events)"))
    }

    @Test("audiences define, list and members; a bad where shows the database's message")
    func audiences() async throws {
        let input = try file("a.ndjson", """
        {"email":"a@x.com","score":9,"_ts":"2026-01-01T00:00:00Z"}
        {"email":"b@x.com","score":1,"_ts":"2026-01-01T00:00:00Z"}
        """)
        #expect(try await CLIRunner.run(["ingest", "web_events", input, "--store", store, "--mappings", mappings]).status == 0)
        let def = try await CLIRunner.run(["audiences", "define", "high", "--where", "web_score > 4", "--description", "High scorers",
                                     "--store", store, "--mappings", mappings])
        #expect(def.status == 0)
        #expect(def.stdout.contains("audience high: 1 entered, 0 exited, size 1"))
        let list = try await CLIRunner.run(["audiences", "list"], environment: ["SFCONNECT_STORE": store])
        #expect(list.stdout == "NAME  SIZE  DESCRIPTION\nhigh  1     High scorers\n")
        let members = try await CLIRunner.run(["audiences", "members", "high", "--json", "--store", store])
        #expect(members.stdout.hasPrefix(#"[{"email":"a@x.com","id":1,"since":""#))
        let bad = try await CLIRunner.run(["audiences", "define", "oops", "--where", "web_scor > 4", "--store", store, "--mappings", mappings])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("The where of audience 'oops' does not compile: no such column: web_scor"))
        let unknown = try await CLIRunner.run(["audiences", "members", "nope", "--store", store])
        #expect(unknown.stderr.contains("There is no audience named 'nope' (known: high)"))
    }

    @Test("streams list and streams read print what was ingested")
    func streams() async throws {
        let input = try file("s.ndjson", #"{"email":"a@x.com","_id":"e1","_ts":"2026-01-01T00:00:00Z"}"# + "\n")
        #expect(try await CLIRunner.run(["ingest", "web_events", input, "--store", store, "--mappings", mappings]).status == 0)
        let list = try await CLIRunner.run(["streams", "list", "--store", store])
        #expect(list.stdout.hasPrefix("NAME        OBJECT  RECORDS  LAST IMPORT\nweb_events  -       1        "))
        let read = try await CLIRunner.run(["streams", "read", "web_events", "--format", "ndjson", "--store", store])
        #expect(read.stdout == #"{"_deleted":false,"_id":"e1","_ts":"2026-01-01T00:00:00.000Z","email":"a@x.com"}"# + "\n")
        let bad = try await CLIRunner.run(["streams", "read", "nope", "--store", store])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("There is no stream named 'nope' (known: web_events)"))
    }
}
