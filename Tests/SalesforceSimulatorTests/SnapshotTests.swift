import Foundation
import SalesforceSimulator
import Testing

/// `--data-dir` persistence: the org saved on stop and loaded at the next start.
@Suite("Simulator data directory")
struct SnapshotTests {
    static func dir() throws -> String {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("snap-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    static let queries = [
        "SELECT Id, LastName, Email, Company, SystemModstamp, CreatedDate, IsDeleted, AnnualRevenue, NumberOfEmployees FROM Lead ORDER BY Id",
        "SELECT Id, Email, AccountId, Birthdate, HasOptedOutOfEmail, SystemModstamp FROM Contact ORDER BY Id",
        "SELECT Id, Name, Amount, CloseDate, StageName FROM Opportunity ORDER BY Id",
    ]

    static func snapshot(_ store: OrgStore) throws -> [SOQLResult] {
        try queries.map { q throws in try store.run(q, includeDeleted: true) }
    }

    @Test("writes and deletes survive a stop and a start: same Ids, values, timestamps and tombstones")
    func roundTrip() async throws {
        let dir = try Self.dir()
        var config = SimulatorConfiguration(dataDir: dir)
        config.org = OrgSetup(seed: 7, sizes: OrgSizes(leads: 40, contacts: 20, accounts: 5, opportunities: 10))
        let first = try await SalesforceSimulatorServer.start(config)
        let hostile = "O'Brien, \"Jr.\"\nZoë 数据 \\ 🚀"
        let (added, removed) = try first.store.write { b throws(SimulatorError) in
            let id = try b.insert("Lead", ["LastName": .string(hostile), "Company": .string("Acme"),
                                           "Email": .string("new@example.com"), "AnnualRevenue": .double(12.5)])
            let victim = b.records(of: "Lead").first?.id ?? ""
            try b.delete("Lead", id: victim)
            return (id, victim)
        }
        let before = try Self.snapshot(first.store)
        #expect(await first.stop() == nil)
        #expect(FileManager.default.fileExists(atPath: OrgSnapshot.path(in: dir)))

        config.org = OrgSetup(seed: 99, sizes: OrgSizes(leads: 3))   // ignored: the snapshot wins
        let second = try await SalesforceSimulatorServer.start(config)
        let after = try Self.snapshot(second.store)
        #expect(after == before)
        #expect(second.store.values(id: added)?.values["LastName"] == .string(hostile))
        #expect(second.store.values(id: removed)?.values["IsDeleted"] == .bool(true))
        #expect(second.store.count("Lead") == 40)
        let next = try second.store.write { b throws(SimulatorError) in
            try b.insert("Lead", ["LastName": .string("After"), "Company": .string("Co")])
        }
        #expect(!after[0].rows.contains { $0.id == next })   // new Ids continue after the restored ones
        await second.stop()
    }

    @Test("a damaged snapshot stops the start with the file, the line and what to do")
    func damaged() async throws {
        let dir = try Self.dir()
        let text = #"{"format":"sfconnect-simulator-org","version":1}"# + "\n" + #"{"o":"Lead","n":1,"v":{"Nope__c":"x"}}"# + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: OrgSnapshot.path(in: dir)))
        do {
            let sim = try await SalesforceSimulatorServer.start(SimulatorConfiguration(dataDir: dir))
            await sim.stop()
            Issue.record("the start should fail")
        } catch let e as SimulatorError {
            #expect(e.kind == .snapshot)
            #expect(e.message.contains("org.ndjson:2: Lead has no field Nope__c"))
            #expect(e.message.contains("delete the file"))
        }
        try Data("not a snapshot\n".utf8).write(to: URL(fileURLWithPath: OrgSnapshot.path(in: dir)))
        await #expect(throws: SimulatorError.self) { _ = try await SalesforceSimulatorServer.start(SimulatorConfiguration(dataDir: dir)) }
    }

    @Test("without a data directory nothing is saved")
    func temporary() async throws {
        let sim = try await SalesforceSimulatorServer.start(SimulatorConfiguration())
        #expect(await sim.stop() == nil)
        #expect(!FileManager.default.fileExists(atPath: OrgSnapshot.path(in: sim.dataDir)))
    }
}
