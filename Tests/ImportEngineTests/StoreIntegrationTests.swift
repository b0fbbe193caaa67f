import ConnectorCore
import Definitions
import Foundation
import ImportEngine
import SalesforceConnector
import Store
import Testing

/// The engine into a real SQLite file through ``ImportStoreSink``.
@Suite("Import into the SQLite store")
struct StoreIntegrationTests {
    @Test("a first import, a kill between pages, new versions and deletes leave the exact set in the store")
    func exactSetInStore() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let clock = ManualWallClock(Fixtures.t0.addingTimeInterval(3600))
        let org = Fixtures.leadOrg()
        let ids = Fixtures.addLeads(org, 1200, at: Fixtures.t0)
        let store = try Store(path: dir.appendingPathComponent("store.sqlite").path, clock: clock)
        let source = FakeSource(org: org, pageSize: 200)
        let runner = ImportRunner(source: source, sink: ImportStoreSink(store: store), clock: clock)

        source.failure.withLock { $0 = (call: 5, error: FakeFailure(message: "connection reset")) }
        let killed = await runner.run(job: "j", objects: [Fixtures.leadSpec()])
        #expect(killed.outcome == .failed)
        #expect(try store.checkpoint(job: "j", object: "Lead")?.phase == .firstLoad)
        _ = await runner.run(job: "j", objects: [Fixtures.leadSpec()])
        for id in ids.prefix(10) { org.update("Lead", id: id, at: clock.now().addingTimeInterval(-60), ["LastName": .string("v2")]) }
        for id in ids.suffix(3) { org.delete("Lead", id: id, at: clock.now().addingTimeInterval(-60)) }
        clock.advance(by: 600)
        let last = await runner.run(job: "j", objects: [Fixtures.leadSpec()])
        #expect(last.outcome == .completed)

        let stored = try store.readStream("salesforce_leads", limit: 10_000).map(\.record)
        var expected = Set(ids.map { _ in "" })
        expected = Fixtures.versions(org)
        let live = Set(Fixtures.versions(stored))
        #expect(live.isSuperset(of: expected))
        #expect(live.count == 1200 + 10, "every version once: 1,200 first versions and 10 new ones")
        #expect(Set(stored.filter(\.isDeleted).map(\.id)) == Set(ids.suffix(3)))
        #expect(stored.first?.fields["lead_email"]?.stringValue?.hasSuffix("@Example.com") == true)
        #expect(try store.checkpoint(job: "j", object: "Lead")?.phase == .complete)
        let runs = try store.runs(job: "j")
        #expect(runs.count == 3)
        #expect(runs.map(\.state).contains(.failed))
        #expect(try store.streams().first { $0.name == "salesforce_leads" }?.recordCount == 1213)
    }
}
