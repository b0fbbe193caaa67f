import ConnectorTesting
import Foundation
import SalesforceSimulator
import Testing

/// `sfconnect status` through the built binary after a `run --once` against an HTTPS simulator.
@Suite("sfconnect status")
struct StatusCommandTests {
    @Test("after run --once: idle, last run, checkpoint, calls in 24 h = the run's calls, allotment, org remaining; a missing folder fails with its sentence")
    func statusAfterRun() async throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("sfc-e2e-status-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: dir + "/auth", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/jobs", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: dir) }
        let sim = try await SalesforceSimulatorServer.start(
            .init(tls: true, org: OrgSetup(sizes: OrgSizes(leads: 2_500, contacts: 30, accounts: 10, opportunities: 5))))
        var env = try SimulatorAuthorization.write(dir: dir, for: sim)
        env["SFCONNECT_STORE"] = dir + "/store.sqlite"
        try "kind: import\nauthorization: simulator\napi: rest\nmax_daily_api_calls: 500\nleads: {}\n"
            .write(toFile: dir + "/jobs/leads.yaml", atomically: true, encoding: .utf8)
        try "kind: import\nauthorization: simulator\ncontacts: {}\n"
            .write(toFile: dir + "/jobs/contacts.yaml", atomically: true, encoding: .utf8)
        let mappings = DemoCommandTests.root + "/mappings"

        let run = try await CLIRunner.run(["run", dir + "/jobs/leads.yaml", "--once", "--mappings", mappings], environment: env)
        #expect(run.status == 0, "\(run.stderr)")
        let runCalls = run.stdout.split(separator: "\n").first { $0.hasPrefix("api_calls: ") }.flatMap { Int($0.dropFirst(11)) }
        await sim.stop()    // status must not need the network

        let json = try await CLIRunner.run(["status", "--jobs", dir + "/jobs", "--json"], environment: env)
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let jobs = try #require(report["jobs"] as? [[String: Any]])
        let leads = try #require(jobs.first { $0["job"] as? String == "leads" }, "\(json.stdout)")
        #expect(leads["state"] as? String == "idle")
        #expect(leads["lastRunOutcome"] as? String == "succeeded")
        #expect(leads["lastRunAt"] is String)
        let checkpoints = leads["checkpoints"] as? [String] ?? []
        #expect(checkpoints.contains("Lead: complete"), "\(checkpoints)")
        #expect(leads["allotment"] as? Int == 500)
        #expect(runCalls != nil && leads["callsLast24Hours"] as? Int == runCalls, "run: \(run.stdout) status: \(json.stdout)")
        #expect(leads["orgDailyLimit"] as? Int != nil && leads["orgRemaining"] as? Int != nil, "\(json.stdout)")
        let contacts = try #require(jobs.first { $0["job"] as? String == "contacts" })
        #expect(contacts["state"] as? String == "never_run" && contacts["callsLast24Hours"] as? Int == 0)

        let text = try await CLIRunner.run(["status", "--jobs", dir + "/jobs"], environment: env)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("leads (leads.yaml): idle") && text.stdout.contains("of 500")
                && text.stdout.contains("last known; no network call"), "\(text.stdout)")

        let missing = try await CLIRunner.run(["status", "--jobs", dir + "/nope"], environment: env)
        #expect(missing.status == 1 && missing.stderr.contains("the jobs folder \(dir)/nope does not exist; pass --jobs DIR."),
                "\(missing.stderr)")
    }
}
