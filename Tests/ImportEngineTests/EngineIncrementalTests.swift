import ConnectorCore
import Foundation
import ImportEngine
import SalesforceSimulator
import Testing

/// The runner against an in-memory org whose rows are chosen by the engine's own SOQL.
@Suite("ImportRunner incremental sync")
struct EngineIncrementalTests {
    let org = Fixtures.leadOrg()
    let sink = MemorySink()
    let clock = ManualWallClock(Fixtures.t0.addingTimeInterval(3600))

    func runner(pageSize: Int = 200) -> (ImportRunner, FakeSource) {
        let source = FakeSource(org: org, pageSize: pageSize)
        return (ImportRunner(source: source, sink: sink, clock: clock, apiCalls: { source.calls.withLock { $0 } }), source)
    }

    func stored() -> [String] { Fixtures.versions(sink.records("salesforce_leads")) }

    @Test("a first import stores exactly the org's records, page by page, and records the run")
    func firstImport() async throws {
        Fixtures.addLeads(org, 450, at: Fixtures.t0)
        let (r, source) = runner()
        let report = await r.run(job: "j", objects: [Fixtures.leadSpec()])
        #expect(report.outcome == .completed)
        #expect(Set(stored()) == Fixtures.versions(org))
        #expect(stored().count == 450)
        #expect(report.objects[0].pages == 3)
        #expect(report.apiCalls == source.calls.withLock { $0 })
        #expect(report.apiCalls == 1 + 1 + 3, "describe, count, three pages")
        #expect(sink.runs.count == 1)
        #expect(sink.checkpoint("j", "Lead") == ImportCheckpoint(completedHigh: clock.now().addingTimeInterval(-120)))
    }

    @Test("incremental runs store each new version once, with lookback re-reads dropped")
    func newVersions() async throws {
        let ids = Fixtures.addLeads(org, 300, at: Fixtures.t0)
        let (r, _) = runner()
        _ = await r.run(job: "j", objects: [Fixtures.leadSpec()])
        var expected = Set(stored())
        for round in 1...3 {
            let at = clock.now().addingTimeInterval(-30)   // inside the lag: not read until the next run
            for id in ids.prefix(50 * round) { org.update("Lead", id: id, at: at, ["LastName": .string("v\(round)")]) }
            expected.formUnion(Fixtures.versions(org))
            clock.advance(by: 200)
            let report = await r.run(job: "j", objects: [Fixtures.leadSpec()])
            #expect(report.outcome == .completed)
            #expect(report.objects[0].stored == 50 * round)
        }
        clock.advance(by: 200)
        let last = await r.run(job: "j", objects: [Fixtures.leadSpec()])
        #expect(last.objects[0].stored == 0)
        #expect(last.objects[0].duplicates > 0, "the lookback re-read versions already stored")
        #expect(stored().count == expected.count)
        #expect(Set(stored()) == expected)
    }

    @Test("5,000 records sharing one timestamp are stored once each across pages and an interrupted run")
    func sameTimestamp() async throws {
        Fixtures.addLeads(org, 5000, at: Fixtures.t0)
        sink.failAfter(7)
        let (r, _) = runner(pageSize: 500)
        let first = await r.run(job: "j", objects: [Fixtures.leadSpec()])
        #expect(first.outcome == .failed)
        #expect(stored().count == 3500)
        #expect(sink.checkpoint("j", "Lead")?.pending?.after?.timestamp == Fixtures.t0)
        sink.failAfter(nil)
        let second = await r.run(job: "j", objects: [Fixtures.leadSpec()])
        #expect(second.outcome == .completed)
        #expect(second.objects[0].stored == 1500)
        #expect(stored().count == 5000)
        #expect(Set(stored()) == Fixtures.versions(org))
    }

    @Test("a late commit inside the lag is read by the next run")
    func lateCommit() async throws {
        Fixtures.addLeads(org, 10, at: Fixtures.t0)
        let (r, _) = runner()
        _ = await r.run(job: "j", objects: [Fixtures.leadSpec()])
        // Committed after the run with a timestamp 100 s before its start, i.e. before its
        // upper bound minus nothing: the lag (120 s) kept the window short of it.
        let late = Fixtures.addLeads(org, 1, at: clock.now().addingTimeInterval(-100))
        // Committed late with a timestamp inside the last window: the lookback re-reads it.
        let older = Fixtures.addLeads(org, 1, at: clock.now().addingTimeInterval(-240))
        clock.advance(by: 600)
        let report = await r.run(job: "j", objects: [Fixtures.leadSpec()])
        #expect(report.objects[0].stored == 2)
        #expect(Set(sink.records("salesforce_leads").map(\.id)).isSuperset(of: late + older))
        #expect(Set(stored()) == Fixtures.versions(org))
    }

    @Test("deleted records become tombstones in the next run")
    func deletes() async throws {
        let ids = Fixtures.addLeads(org, 20, at: Fixtures.t0)
        let (r, source) = runner()
        _ = await r.run(job: "j", objects: [Fixtures.leadSpec()])
        for id in ids.prefix(5) { org.delete("Lead", id: id, at: clock.now().addingTimeInterval(60)) }
        clock.advance(by: 600)
        let report = await r.run(job: "j", objects: [Fixtures.leadSpec()])
        #expect(report.objects[0].tombstones == 5)
        let tombs = sink.records("salesforce_leads").filter(\.isDeleted)
        #expect(Set(tombs.map(\.id)) == Set(ids.prefix(5)))
        #expect(tombs.allSatisfy { $0.fields.isEmpty })
        #expect(source.queries.withLock { $0.last?.includeDeleted } == true)
        #expect(source.queries.withLock { $0.last?.soql.contains("IsDeleted = true") } == true)
    }

    @Test("a run cancelled between pages resumes at its checkpoint with the exact set")
    func cancelled() async throws {
        Fixtures.addLeads(org, 1000, at: Fixtures.t0)
        let (r, _) = runner(pageSize: 100)
        let task = Task {
            await r.run(job: "j", objects: [Fixtures.leadSpec()], progress: { p in
                if p.done >= 300 { withUnsafeCurrentTask { $0?.cancel() } }
            })
        }
        let report = await task.value
        #expect(report.outcome == .cancelled)
        #expect(stored().count == 300)
        let again = await r.run(job: "j", objects: [Fixtures.leadSpec()])
        #expect(again.outcome == .completed)
        #expect(stored().count == 1000)
        #expect(Set(stored()) == Fixtures.versions(org))
    }
}
