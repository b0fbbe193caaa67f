import ConnectorCore
import Foundation
import Store
import Testing

@Suite("Streams and checkpoints")
struct StreamTests {
    @Test("a record version is stored once; a new timestamp is a new version")
    func dedupe() throws {
        let f = try StoreFixture()
        let v1 = StoreFixture.lead("00Q1", email: "a@x.com", at: 1)
        #expect(try f.addLeads([v1, StoreFixture.lead("00Q2", email: "b@x.com", at: 1)]).stored == 2)
        let again = try f.addLeads([v1, StoreFixture.lead("00Q1", email: "a@x.com", status: "Working", at: 2)])
        #expect(again.stored == 1)
        #expect(again.duplicates == 1)
        #expect(try f.store.contains(stream: "salesforce_leads", id: "00Q1", timestamp: StoreFixture.date(1)))
        let list = try f.store.streams()
        #expect(list.map(\.name) == ["salesforce_leads"])
        #expect(list.first?.recordCount == 3)
        #expect(list.first?.object == "Lead")
        #expect(list.first?.lastImport == f.clock.now())
    }

    @Test("streams read in arrival order as NDJSON with _id, _ts and _deleted")
    func readNDJSON() throws {
        let f = try StoreFixture()
        try f.addLeads([StoreFixture.lead("00Q1", email: "a@x.com", at: 0.25)])
        try f.addLeads([StoreFixture.lead("00Q1", email: nil, at: 9, deleted: true)])
        let lines = try f.store.readStream("salesforce_leads").map(\.ndjsonLine)
        #expect(lines == [
            #"{"_deleted":false,"_id":"00Q1","_ts":"2026-01-01T00:00:00.250Z","lead_email":"a@x.com","lead_id":"00Q1"}"#,
            #"{"_deleted":true,"_id":"00Q1","_ts":"2026-01-01T00:00:09.000Z","lead_id":"00Q1"}"#,
        ])
        #expect { try f.store.readStream("nope") } throws: {
            "\($0)" == "There is no stream named 'nope' (known: salesforce_leads); run `sfconnect streams list`."
        }
    }

    @Test("a page and its checkpoint commit together or not at all")
    func pageCheckpointAtomic() throws {
        let f = try StoreFixture()
        let cp1 = Checkpoint(job: "leads", object: "Lead", timestamp: StoreFixture.date(1), lastID: "00Q1",
                             windowUpperBound: StoreFixture.date(100), phase: .firstLoad)
        try f.addLeads([StoreFixture.lead("00Q1", email: "a@x.com", at: 1)], checkpoint: cp1)
        var saved = try #require(try f.store.checkpoint(job: "leads", object: "Lead"))
        #expect(saved.timestamp == cp1.timestamp && saved.lastID == "00Q1" && saved.phase == .firstLoad)
        #expect(saved.windowUpperBound == StoreFixture.date(100))

        // A page whose mapping cannot be applied fails: neither its records nor its checkpoint land.
        let cp2 = Checkpoint(job: "leads", object: "Lead", timestamp: StoreFixture.date(2), lastID: "00Q2", phase: .incremental)
        let badMapping = StoreFixture.leads + [FieldMapping(source: "x", salesforceField: "X", userField: "bad name", type: .string)]
        #expect(throws: StoreError.self) {
            try f.store.appendPage(stream: "salesforce_leads", object: "Lead",
                                   records: [StoreFixture.lead("00Q2", email: "b@x.com", at: 2)], mapping: badMapping, checkpoint: cp2)
        }
        saved = try #require(try f.store.checkpoint(job: "leads", object: "Lead"))
        #expect(saved.lastID == "00Q1")
        #expect(try f.store.readStream("salesforce_leads").count == 1)
        #expect(try f.store.profileCount() == 1)
        // After a restart the checkpoint is still the first page's.
        #expect(try f.reopen().checkpoint(job: "leads", object: "Lead")?.lastID == "00Q1")
    }

    @Test("runs are recorded with their counters")
    func runs() throws {
        let f = try StoreFixture()
        var run = try f.store.startRun(job: "leads", at: StoreFixture.date(0))
        run.endedAt = StoreFixture.date(5)
        run.records = 10; run.apiCalls = 2; run.warnings = 1; run.state = .succeeded
        try f.store.finishRun(run)
        let runs = try f.store.runs(job: "leads")
        #expect(runs == [run])
    }
}
