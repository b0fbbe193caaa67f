import ConnectorCore
import Foundation
import ImportEngine
import SalesforceSimulator
import Testing

/// Incremental runs through the real client after the simulator's admin endpoints wrote new
/// record versions, a mass update sharing one SystemModstamp, a late commit and deletes.
@Suite("Incremental import against the simulator")
struct IncrementalSimulatorTests {
    static let leadsJob = "kind: import\nauthorization: simulator\napi: rest\nimport_contacts: false\nimport_accounts: false\nimport_opportunities: false\n"

    @Test("new versions after a first run are picked up exactly once, and deletes become tombstones")
    func newVersionsAndDeletes() async throws {
        try await SimulatorImportRig.with(org: OrgSetup(sizes: OrgSizes(leads: 300))) { rig in
            let job = try rig.job(Self.leadsJob)
            let first = await rig.run(job)
            #expect(first.outcome == .completed && first.stored == 300)
            let firstVersions = rig.simVersions("Lead")

            rig.clock.advance(by: 600)
            let changed = rig.firstIDs("Lead", 25)
            try await rig.admin("/__admin/org/update", ["object": "Lead", "ids": changed, "secondsAgo": 300,
                                                        "values": ["Title": "Chief Importer"]])
            let deleted = rig.lastIDs("Lead", 5)
            try await rig.admin("/__admin/org/delete", ["object": "Lead", "ids": deleted])
            rig.clock.advance(by: 180)  // past the 2-minute lag, so the deletes are inside the window

            let second = await rig.run(job)
            #expect(second.outcome == .completed, "\(second.errors)")
            let stats = try #require(second.objects.first)
            #expect(stats.stored == 30 && stats.tombstones == 5, "\(stats)")
            let stored = try rig.stored("salesforce_leads")
            let expected = firstVersions.union(rig.simVersions("Lead", includeDeleted: true))
            #expect(Set(rig.keys(stored)) == expected)
            #expect(stored.count == 330, "300 first versions, 25 new versions and 5 tombstones, each once")
            #expect(Set(stored.filter(\.isDeleted).map(\.id)) == Set(deleted))
            let newVersions = stored.filter { !$0.isDeleted && !firstVersions.contains(versionKey($0.id, $0.timestamp)) }
            #expect(Set(newVersions.map(\.id)) == Set(changed))
            #expect(newVersions.allSatisfy { $0.fields["lead_title"] == .string("Chief Importer") })

            rig.clock.advance(by: 600)
            let third = await rig.run(job)
            #expect(third.outcome == .completed && third.stored == 0, "nothing new: nothing stored (\(third.objects))")
            #expect(try rig.stored("salesforce_leads").count == 330)
        }
    }

    @Test("3,200 records sharing one SystemModstamp across pages of 200 are each stored once")
    func massUpdateAcrossPages() async throws {
        try await SimulatorImportRig.with(org: OrgSetup(sizes: OrgSizes(leads: 3_200))) { rig in
            let job = try rig.job(Self.leadsJob)
            let first = await rig.run(job, batchSize: 200)
            #expect(first.outcome == .completed && first.stored == 3_200)
            #expect((first.objects.first?.pages ?? 0) >= 16)
            let firstVersions = rig.simVersions("Lead")

            rig.clock.advance(by: 600)
            let answer = try await rig.admin("/__admin/org/mass-update", ["object": "Lead", "count": 3_200, "secondsAgo": 200,
                                                                          "values": ["Title": "Mass updated"]])
            #expect((answer["ids"] as? [String])?.count == 3_200)
            let second = await rig.run(job, batchSize: 200)
            #expect(second.outcome == .completed, "\(second.errors)")
            let stats = try #require(second.objects.first)
            #expect(stats.stored == 3_200 && stats.duplicates == 0 && stats.pages >= 16, "\(stats)")

            let stored = try rig.stored("salesforce_leads")
            let keys = rig.keys(stored)
            #expect(keys.count == 6_400 && Set(keys).count == 6_400, "every version once")
            #expect(Set(keys) == firstVersions.union(rig.simVersions("Lead")))
            let mass = stored.filter { !firstVersions.contains(versionKey($0.id, $0.timestamp)) }
            #expect(Set(mass.map(\.timestamp)).count == 1, "the mass update's versions share one SystemModstamp")
            #expect(mass.allSatisfy { $0.fields["lead_title"] == .string("Mass updated") })
        }
    }

    @Test("a late commit older than versions already served, within the lookback, is picked up; re-read versions are dropped")
    func lateCommit() async throws {
        try await SimulatorImportRig.with(org: OrgSetup(sizes: OrgSizes(leads: 200))) { rig in
            let job = try rig.job(Self.leadsJob)
            let served = rig.firstIDs("Lead", 5)
            // Versions 130 s old: inside the first run's window (it ends 120 s before the run).
            try await rig.admin("/__admin/org/update", ["object": "Lead", "ids": served, "secondsAgo": 130])
            let first = await rig.run(job)
            #expect(first.outcome == .completed && first.stored == 200)
            let firstVersions = rig.simVersions("Lead")

            // A transaction that commits now with a SystemModstamp 300 s old: older than what was served.
            let late = rig.lastIDs("Lead", 3)
            let answer = try await rig.admin("/__admin/org/late-commit", ["object": "Lead", "ids": late,
                                                                          "values": ["Title": "Committed late"]])
            let stamp = try #require((answer["systemModstamp"] as? String).flatMap(SalesforceDate.instant))
            #expect(stamp < rig.clock.now().addingTimeInterval(-130))
            rig.clock.advance(by: 60)

            let second = await rig.run(job)
            #expect(second.outcome == .completed, "\(second.errors)")
            let stats = try #require(second.objects.first)
            #expect(stats.stored == 3, "\(stats)")
            #expect(stats.duplicates == 5, "the lookback re-read the 5 served versions and dropped them")
            let stored = try rig.stored("salesforce_leads")
            #expect(Set(rig.keys(stored)) == firstVersions.union(rig.simVersions("Lead")))
            #expect(stored.count == 203)
            #expect(Set(stored.filter { $0.timestamp == stamp }.map(\.id)) == Set(late))
        }
    }
}
