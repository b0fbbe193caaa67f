import ConnectorCore
import Foundation
import ImportEngine
import SalesforceConnector
import SalesforceSimulator
import Store
import Synchronization
import Testing

/// `timestamp_field: LastModifiedDate` with `since` through the real client: the window, the
/// order and every page's checkpoint follow LastModifiedDate, not SystemModstamp.
@Suite("timestamp_field and since against the simulator")
struct TimestampFieldSimulatorTests {
    @Test("only leads with LastModifiedDate at or after since are stored, in (LastModifiedDate, Id) order, each page checkpointed on it")
    func lastModifiedDateSince() async throws {
        try await SimulatorImportRig.with(org: OrgSetup(sizes: OrgSizes(leads: 1_000))) { rig in
            let modified = { (values: [String: SimValue]) -> Date? in
                if case .datetime(let d)? = values["LastModifiedDate"] { return d } else { return nil }
            }
            let stamps = rig.simRecords("Lead").compactMapValues(modified)
            #expect(stamps.count == 1_000)
            let distinct = Set(stamps.values).sorted()
            let since = distinct[distinct.count / 2]
            // System-only changes move SystemModstamp to now and leave LastModifiedDate before `since`:
            // read by SystemModstamp they would be stored.
            let old = stamps.filter { $0.value < since }.keys.sorted().prefix(40)
            #expect(old.count == 40)
            try await rig.admin("/__admin/org/update", ["object": "Lead", "ids": Array(old), "secondsAgo": 30,
                                                        "systemOnly": true, "values": ["Title": "System touched"]])
            rig.clock.advance(by: 600)
            let yaml = "kind: import\nauthorization: simulator\napi: rest\nimport_contacts: false\nimport_accounts: false\n"
                + "import_opportunities: false\nleads:\n  timestamp_field: LastModifiedDate\n  since: \"\(SalesforceDate.format(since))\"\n"
            let job = try rig.job(yaml)
            let sink = RecordingSink(ImportStoreSink(store: rig.store))
            let report = await rig.runner(batchSize: 200, sink: sink).0.run(job: job.name, objects: job.specs)
            #expect(report.outcome == .completed, "\(report.errors)")

            let expected = stamps.filter { $0.value >= since }
            #expect(expected.values.contains(since), "a lead sits exactly at since")
            let stored = try rig.stored("salesforce_leads")
            #expect(stored.count == expected.count && report.stored == expected.count)
            #expect(Set(rig.keys(stored)) == Set(expected.map { versionKey($0.key, $0.value) }),
                    "each lead at or after since, stamped with its LastModifiedDate")
            #expect(stored.allSatisfy { $0.fields["lead_title"] != .string("System touched") })
            let order = stored.map { ($0.timestamp, $0.id) }
            #expect(zip(order, order.dropFirst()).allSatisfy { $0 < $1 }, "arrival order is (LastModifiedDate, Id)")

            let commits = sink.commits.withLock { $0 }
            #expect(commits.count >= 3, "pages of 200: \(commits.count)")
            for commit in commits.dropLast() {
                let last = try #require(commit.records.last)
                #expect(commit.checkpoint.phase == .firstLoad)
                #expect(commit.checkpoint.timestamp == last.timestamp && commit.checkpoint.lastID == last.id,
                        "the checkpoint is the page's last (LastModifiedDate, Id)")
                #expect(commit.checkpoint.timestamp == stamps[last.id])
            }
            #expect(commits.last?.checkpoint.phase == .complete)
            #expect(try rig.store.checkpoint(job: job.name, object: "Lead")?.phase == .complete)
        }
    }
}

/// Passes every call to the Store's sink and keeps each committed page.
final class RecordingSink: ImportSink {
    let inner: ImportStoreSink
    let commits = Mutex<[PageCommit]>([])

    init(_ inner: ImportStoreSink) { self.inner = inner }

    func checkpoint(job: String, object: String) async throws -> Checkpoint? {
        try await inner.checkpoint(job: job, object: object)
    }

    func commit(_ page: PageCommit) async throws -> CommitResult {
        let result = try await inner.commit(page)
        commits.withLock { $0.append(page) }
        return result
    }

    func record(run: ImportRunReport) async throws { try await inner.record(run: run) }
}
