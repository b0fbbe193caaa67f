import ConnectorCore
import Foundation
import Store
import Testing

@Suite("API-usage ledger and job state")
struct LedgerTests {
    @Test("the ledger keeps calls per org and job across a restart and prunes old entries")
    func ledger() throws {
        let f = try StoreFixture()
        try f.store.recordAPICalls(org: "00D1", job: "leads", count: 3, at: StoreFixture.date(0))
        try f.store.recordAPICalls(org: "00D1", job: "export", count: 2, at: StoreFixture.date(3600))
        try f.store.recordAPICalls(org: "00D2", job: "other", count: 9, at: StoreFixture.date(3600))
        let store = try f.reopen()
        #expect(try store.apiCalls(org: "00D1", since: StoreFixture.date(0)) == [
            APICallEntry(job: "leads", at: StoreFixture.date(0), count: 3),
            APICallEntry(job: "export", at: StoreFixture.date(3600), count: 2),
        ])
        #expect(try store.apiCalls(org: "00D1", since: StoreFixture.date(1)).map(\.count) == [2])
        try store.pruneAPICalls(before: StoreFixture.date(10))
        #expect(try store.apiCalls(org: "00D1", since: .distantPast).map(\.job) == ["export"])
        #expect { try store.recordAPICalls(org: "o", job: "j", count: -1, at: .now) } throws: { "\($0)".contains("cannot be negative") }
    }

    @Test("job state is saved with its pause time")
    func jobState() throws {
        let f = try StoreFixture()
        try f.store.setJobState(job: "leads", state: .paused, pausedUntil: StoreFixture.date(900))
        var s = try #require(try f.store.jobState(job: "leads"))
        #expect(s.state == .paused && s.pausedUntil == StoreFixture.date(900))
        try f.store.setJobState(job: "leads", state: .idle)
        s = try #require(try f.reopen().jobState(job: "leads"))
        #expect(s.state == .idle && s.pausedUntil == nil)
        #expect(try f.store.jobState(job: "nope") == nil)
    }
}
