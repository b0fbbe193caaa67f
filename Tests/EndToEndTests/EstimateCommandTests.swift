import ConnectorTesting
import Foundation
import SalesforceSimulator
import Testing

/// `sfconnect estimate` through the built binary against an HTTPS simulator.
@Suite("sfconnect estimate")
struct EstimateCommandTests {
    @Test("estimates an import job as JSON and text; a bad job file fails with its sentence; an export job is estimated from the store")
    func estimate() async throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("sfc-e2e-estimate-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: dir + "/auth", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: dir) }
        let sim = try await SalesforceSimulatorServer.start(
            .init(tls: true, org: OrgSetup(sizes: OrgSizes(leads: 4_100, contacts: 30, accounts: 10, opportunities: 5))))
        let env = try SimulatorAuthorization.write(dir: dir, for: sim)
        try "kind: import\nauthorization: simulator\napi: rest\nleads: {}\n"
            .write(toFile: dir + "/leads.yaml", atomically: true, encoding: .utf8)
        try "kind: import\nauthorization: simulator\nleads: {}\nfrequncy: daily\n"
            .write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        let mappings = DemoCommandTests.root + "/mappings"

        let json = try await CLIRunner.run(["estimate", dir + "/leads.yaml", "--json", "--mappings", mappings], environment: env)
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let objects = try #require(report["objects"] as? [[String: Any]])
        let lead = try #require(objects.first { $0["object"] as? String == "Lead" })
        #expect(lead["records"] as? Int == 4_100)
        #expect(lead["firstRunCallsREST"] as? Int == 5)    // describe + COUNT() + 3 pages of 2,000
        #expect((report["estimateCalls"] as? Int ?? 0) > 0)

        let text = try await CLIRunner.run(["estimate", dir + "/leads.yaml", "--mappings", mappings], environment: env)
        #expect(text.status == 0 && text.stdout.contains("Lead") && text.stdout.contains("4,100"), "\(text.stdout)")

        let bad = try await CLIRunner.run(["estimate", dir + "/bad.yaml", "--mappings", mappings], environment: env)
        #expect(bad.status == 78)
        #expect(bad.stderr.contains("bad.yaml:4") && bad.stderr.contains("frequency"), "\(bad.stderr)")

        // An export job: estimated from the store's audience members, with no Salesforce call.
        let storeEnv = env.merging(["SFCONNECT_STORE": dir + "/store.sqlite"]) { $1 }
        let run = try await CLIRunner.run(["run", dir + "/leads.yaml", "--once", "--mappings", mappings], environment: storeEnv)
        #expect(run.status == 0, "\(run.stderr)")
        let jobs = DemoCommandTests.root + "/jobs"
        let missing = try await CLIRunner.run(["estimate", jobs + "/export-leads.yaml", "--mappings", mappings], environment: storeEnv)
        #expect(missing.status == 1 && missing.stderr.contains("working_leads"), "\(missing.stderr)")
        let load = try await CLIRunner.run(["audiences", "load", jobs + "/audience-working-leads.yaml", jobs + "/audience-tech-leads.yaml",
                                            "--mappings", mappings], environment: storeEnv)
        #expect(load.status == 0, "\(load.stderr)")
        var members = Set<String>()
        for name in ["working_leads", "tech_leads"] {
            let m = try await CLIRunner.run(["audiences", "members", name], environment: storeEnv)
            members.formUnion(m.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) })
        }
        #expect(!members.isEmpty)
        await sim.stop()    // the export estimate reads only the store
        let export = try await CLIRunner.run(["estimate", jobs + "/export-leads.yaml", "--json", "--mappings", mappings],
                                             environment: storeEnv)
        #expect(export.status == 0, "\(export.stderr)")
        let e = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        #expect(e["backfillRecords"] as? Int == members.count, "\(export.stdout)")
        // describe + one sObject Collections call per 200 members (≤ 2,000 members go by collections).
        #expect(e["backfillCallsCollections"] as? Int == 1 + (members.count + 199) / 200)
        #expect(e["changesPerDay"] as? Int == members.count)    // every member was just created
        #expect(e["budget"] as? Int == 5000)
        let exportText = try await CLIRunner.run(["estimate", jobs + "/export-leads.yaml", "--mappings", mappings], environment: storeEnv)
        #expect(exportText.stdout.contains("Estimate for export job export-leads"), "\(exportText.stdout)")
        let audience = try await CLIRunner.run(["estimate", jobs + "/audience-tech-leads.yaml", "--mappings", mappings], environment: storeEnv)
        #expect(audience.status == 78 && audience.stderr.contains("is neither an import nor an export job"), "\(audience.stderr)")
    }
}
