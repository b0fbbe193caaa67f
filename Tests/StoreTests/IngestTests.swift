import ConnectorCore
import Foundation
import Store
import Testing

@Suite("NDJSON ingest")
struct IngestTests {
    static let mapping: [FieldMapping] = [
        FieldMapping(source: "email", salesforceField: nil, userField: "email", type: .string, isUniqueID: true),
        FieldMapping(source: "user_id", salesforceField: nil, userField: "web_user_ids", type: .stringList, isUniqueID: true),
        FieldMapping(source: "score", salesforceField: nil, userField: "web_score", type: .number),
    ]

    func ingest(_ text: String, into f: StoreFixture) throws -> IngestReport {
        let file = f.dir.appendingPathComponent("in-\(UUID().uuidString).ndjson")
        try Data(text.utf8).write(to: file)
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        return try NDJSONIngest(store: f.store, stream: "web", mapping: Self.mapping).run(handle)
    }

    @Test("bad lines are rejected with their line numbers and the rest land")
    func badLines() throws {
        let f = try StoreFixture()
        let report = try ingest("""
        {"email":"A@x.com","score":3,"_ts":"2026-01-02T00:00:00Z"}
        {"score": 4}

        not json
        [1,2]
        {"user_id":"u7","score":"5","_id":"e5","_ts":1767312000}
        """, into: f)
        #expect(report.lines == 5)
        #expect(report.stored == 2)
        #expect(report.rejected.map(\.line) == [2, 4, 5])
        #expect(report.rejected[0].description == "line 2: has none of the unique ids (email, user_id); add one, or mark another key unique_id in the mapping.")
        #expect(report.rejected[1].description.hasPrefix("line 4: is not valid JSON (invalid literal at character 1)"))
        #expect(report.rejected[2].description == "line 5: is not a JSON object; write one object per line.")
        #expect(try f.store.profile(email: "a@x.com").fields["web_score"] == .number(3))
        #expect(try f.store.profile(uniqueID: "u7").fields["web_score"] == .number(5))
        let lines = try f.store.readStream("web").map(\.ndjsonLine)
        #expect(lines.last == #"{"_deleted":false,"_id":"e5","_ts":"2026-01-02T00:00:00.000Z","score":"5","user_id":"u7"}"#)
        #expect(try f.store.streams().first?.object == nil)
    }

    @Test("the same lines ingested twice store nothing new")
    func idempotent() throws {
        let f = try StoreFixture()
        let text = #"{"email":"a@x.com","_ts":"2026-01-02T00:00:00Z"}"# + "\n"
        #expect(try ingest(text, into: f).stored == 1)
        let again = try ingest(text, into: f)
        #expect(again.stored == 0 && again.duplicates == 1)
    }

    @Test("a mapping without a unique id is refused")
    func noUniqueID() throws {
        let f = try StoreFixture()
        #expect {
            try NDJSONIngest(store: f.store, stream: "web", mapping: [Self.mapping[2]])
        } throws: { "\($0)" == "The mapping of stream web marks no unique id; mark at least one row unique_id: true." }
    }
}
