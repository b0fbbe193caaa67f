import Foundation
import SalesforceSimulator
import Testing

/// The import process killed hard (SIGKILL) between pages of its first load, then run again.
@Suite("sfconnect run (import): SIGKILL between pages")
struct ImportKillTests {
    static let leads = 20_000
    static let job = "kind: import\nauthorization: simulator\napi: rest\nimport_contacts: false\nimport_accounts: false\nimport_opportunities: false\nleads: {}\n"

    @Test("SIGKILL once a page and its checkpoint are stored, then run --once: the stream holds every lead exactly once")
    func killBetweenPages() async throws {
        let ws = try await SimWorkspace.start("import-kill", sizes: OrgSizes(leads: Self.leads))
        defer { Task { await ws.stop() } }
        let job = try ws.job("leads.yaml", Self.job)
        ws.sim.setLatency(milliseconds: 400)
        let child = try ChildProcess(["run", job, "--mappings", ws.mappings], environment: ws.env, keepStderr: false)
        var checkpoint: String?
        for _ in 0..<300 where checkpoint == nil {
            try await Task.sleep(for: .milliseconds(50))
            checkpoint = try await Self.midLoadCheckpoint(ws)
        }
        kill(child.process.processIdentifier, SIGKILL)
        let (status, _) = try await child.stop()
        #expect(status == SIGKILL, "the import was killed, not finished (status \(status))")
        ws.sim.setLatency(milliseconds: 0)
        let killedAt = try #require(checkpoint, "a first-load checkpoint with a keyset appeared")
        let stored = try await Self.storedLeads(ws)
        #expect(stored > 0 && stored < Self.leads && stored % 2_000 == 0,
                "killed between pages of 2,000 after \(stored) of \(Self.leads) leads (\(killedAt))")

        let rerun = try await ws.run(["run", job, "--once", "--mappings", ws.mappings])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("salesforce_leads: \(Self.leads - stored) stored, 0 already stored"), "\(rerun.stdout)")
        let read = try await ws.run(["streams", "read", "salesforce_leads"])
        #expect(read.status == 0, "\(read.stderr)")
        let lines = read.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let versions = lines.compactMap { line in (line["_id"] as? String).map { "\($0)@\(line["_ts"] ?? "-")" } }
        let ids = lines.compactMap { $0["_id"] as? String }
        #expect(lines.count == Self.leads && ids.count == Self.leads, "\(lines.count) records")
        #expect(Set(versions).count == versions.count, "no record version stored twice")
        let simIDs = ws.sim.store.read { view in view.records(of: "Lead", includeDeleted: false).compactMap(\.id) }
        #expect(Set(ids) == Set(simIDs) && Set(ids).count == Self.leads, "the simulator's leads, each once")
        #expect(lines.allSatisfy { $0["_deleted"] as? Bool == false })
    }

    /// The `leads` job's Lead checkpoint from `sfconnect status` when it is a first load past its
    /// first page (`Lead: first_load at T id I`); nil otherwise.
    static func midLoadCheckpoint(_ ws: SimWorkspace) async throws -> String? {
        let r = try await ws.run(["status", "--jobs", ws.dir + "/jobs", "--json"])
        guard r.status == 0, let report = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any],
              let jobs = report["jobs"] as? [[String: Any]],
              let leads = jobs.first(where: { $0["job"] as? String == "leads" }),
              let checkpoints = leads["checkpoints"] as? [String] else { return nil }
        return checkpoints.first { $0.hasPrefix("Lead: first_load at ") && $0.contains(" id ") }
    }

    /// The records of salesforce_leads as `sfconnect streams list` shows them.
    static func storedLeads(_ ws: SimWorkspace) async throws -> Int {
        let r = try await ws.run(["streams", "list"])
        let row = r.stdout.split(separator: "\n").first { $0.hasPrefix("salesforce_leads ") }
        return row.flatMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(2).first }.flatMap { Int($0) } ?? -1
    }
}
