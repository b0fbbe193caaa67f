import ConnectorCore
import Foundation
import Store
import Testing

@Suite("Change feed")
struct ChangeFeedTests {
    @Test("a consumer restarted in the middle of the feed resumes from its saved position")
    func restartMidFeed() throws {
        let f = try StoreFixture()
        try f.addLeads((1...5).map { StoreFixture.lead("00Q\($0)", email: "u\($0)@x.com", at: Double($0)) })
        let all = try f.store.changes(after: 0)
        #expect(all.count == 5)
        #expect(all.map(\.sequence) == all.map(\.sequence).sorted())
        // The consumer handles two entries, saves, and the process dies.
        let firstTwo = try f.store.changes(after: try f.store.consumerPosition("export"), limit: 2)
        try f.store.saveConsumerPosition("export", position: firstTwo.last!.sequence)

        // More changes land while it is down; then the file is reopened.
        try f.addLeads([StoreFixture.lead("00Q1", email: "u1@x.com", title: "VP", at: 10)])
        let reopened = try f.reopen()
        let position = try reopened.consumerPosition("export")
        #expect(position == firstTwo.last!.sequence)
        let rest = try reopened.changes(after: position)
        #expect(rest.count == 4)
        #expect(rest.first?.sequence == all[2].sequence)
        #expect(rest.last?.kind == .profileChanged)
        #expect(rest.last?.fields == ["title"])
        // Positions never move backwards.
        try reopened.saveConsumerPosition("export", position: 1)
        #expect(try reopened.consumerPosition("export") == position)
    }

    @Test("re-reading a record version changes nothing in the feed")
    func dedupeQuiet() throws {
        let f = try StoreFixture()
        let r = StoreFixture.lead("00Q1", email: "u@x.com", at: 1)
        try f.addLeads([r])
        let before = try f.store.latestChangeSequence()
        let again = try f.addLeads([r])
        #expect(again.stored == 0)
        #expect(again.duplicates == 1)
        #expect(try f.store.latestChangeSequence() == before)
    }
}
