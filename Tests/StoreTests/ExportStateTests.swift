import ConnectorCore
import Foundation
import Store
import Testing

@Suite("Export state, outbox and rejected records")
struct ExportStateTests {
    func entry(_ profile: Int64, _ name: String?) -> OutboxEntry {
        OutboxEntry(job: "exp", profileID: profile, operation: "upsert",
                    payload: ["Email": .string("a@x.com"), "Title": name.map(JSONValue.string) ?? .null],
                    audiences: ["vip"], triggerHash: "h1")
    }

    @Test("an outbox entry survives a restart, is replayed, and completing it twice changes nothing")
    func outboxReplay() throws {
        let f = try StoreFixture()
        try f.store.enqueueExports([entry(1, "VP"), entry(2, nil)])
        try f.store.enqueueExports([entry(1, "CEO")])     // replaces the pending entry, no duplicate
        // Crash before sending: reopen and replay what is pending.
        let store = try f.reopen()
        let pending = try store.pendingExports(job: "exp")
        #expect(pending.map(\.profileID) == [1, 2])
        #expect(pending[0].payload["Title"] == .string("CEO"))
        #expect(pending[1].payload["Title"] == .null)        // explicit null kept
        let state = ExportState(job: "exp", profileID: 1, audiences: ["vip"], triggerHash: "h1", salesforceID: "00Q1", status: .sent)
        #expect(try store.completeExport(id: pending[0].id, state: state))
        #expect(try store.completeExport(id: pending[0].id, state: state) == false)   // replay: idempotent
        #expect(try store.pendingExports(job: "exp").map(\.profileID) == [2])
        let saved = try #require(try store.exportState(job: "exp", profileID: 1))
        #expect(saved.salesforceID == "00Q1" && saved.audiences == ["vip"] && saved.triggerHash == "h1" && saved.status == .sent)
        #expect { try store.completeExport(id: 999, state: state) } throws: { "\($0)".contains("There is no outbox entry 999") }
    }

    @Test("rejected records are kept with Salesforce's error and can be marked for retry")
    func rejected() throws {
        let f = try StoreFixture()
        try f.store.recordRejected(job: "exp", profileID: 3, errorCode: "REQUIRED_FIELD_MISSING",
                                   message: "Required fields are missing: [LastName]", payload: ["Email": .string("a@x.com")],
                                   at: StoreFixture.date(1))
        var list = try f.store.rejectedRecords(job: "exp")
        #expect(list.count == 1)
        #expect(list[0].errorCode == "REQUIRED_FIELD_MISSING" && list[0].message.contains("LastName") && !list[0].retryRequested)
        #expect(try f.store.markRejectedForRetry(job: "exp") == 1)
        list = try f.store.rejectedForRetry(job: "exp")
        #expect(list.count == 1)
        try f.store.clearRejected(ids: list.map(\.id))
        #expect(try f.store.rejectedRecords(job: "exp").isEmpty)
    }
}
