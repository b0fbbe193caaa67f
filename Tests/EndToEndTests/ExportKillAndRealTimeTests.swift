import Foundation
import SalesforceSimulator
import Testing

/// The export process killed mid-backfill, real time without --once, and the files it refuses.
@Suite("sfconnect run (export): kill, real time, bad files")
struct ExportKillAndRealTimeTests {
    typealias T = ExportCommandTests

    @Test("SIGKILL during the backfill, then run --once: every member exactly once in Salesforce with the right field")
    func killMidBackfill() async throws {
        let ws = try await SimWorkspace.start("export-kill")
        defer { Task { await ws.stop() } }
        let data = try ws.file("leads.ndjson", T.leads(1...200))
        #expect(try await ws.run(["ingest", "salesforce_leads", data, "--mappings", ws.mappings]).status == 0)
        let aud = try ws.job("audience-working.yaml", T.audience("working", where: "salesforce_lead_company = 'Acme'"))
        #expect(try await ws.run(["audiences", "load", aud, "--mappings", ws.mappings]).status == 0)
        let job = try ws.job("export.yaml", T.exportJob(batchSize: 10))
        ws.sim.setLatency(milliseconds: 60)
        let child = try ChildProcess(["run", job], environment: ws.env, keepStderr: false)
        var seen = 0
        for _ in 0..<400 where seen < 30 {
            try await Task.sleep(for: .milliseconds(25))
            seen = try T.audienceField(ws.sim).count
        }
        kill(child.process.processIdentifier, SIGKILL)
        _ = try await child.stop()
        #expect(seen >= 30 && seen < 200, "killed after \(seen) of 200 members reached Salesforce")
        ws.sim.setLatency(milliseconds: 0)

        let rerun = try await ws.run(["run", job, "--once"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(Self.pendingLine(rerun.stdout) == "0", "\(rerun.stdout)")
        let field = try T.audienceField(ws.sim)
        #expect(field.count == 200 && field.values.allSatisfy { $0 == "working" }, "\(field.count) leads")
        let emails = try ws.sim.store.run("SELECT Email FROM Lead").rows
        #expect(emails.count == 200, "no member was created twice")
    }

    @Test("without --once a profile change reaches Salesforce while it runs; SIGTERM exits 0")
    func realTime() async throws {
        let ws = try await SimWorkspace.start("export-rt")
        defer { Task { await ws.stop() } }
        let data = try ws.file("leads.ndjson", T.leads(1...5, status: { $0 == 5 ? "Open" : "Working - Contacted" }))
        #expect(try await ws.run(["ingest", "salesforce_leads", data, "--mappings", ws.mappings]).status == 0)
        let aud = try ws.job("audience-working.yaml", T.audience("working", where: "salesforce_lead_status = 'Working - Contacted'"))
        #expect(try await ws.run(["audiences", "load", aud, "--mappings", ws.mappings]).status == 0)
        let job = try ws.job("export.yaml", T.exportJob())
        let child = try ChildProcess(["run", job], environment: ws.env)
        func waitFor(_ what: String, _ done: () throws -> Bool) async throws {
            for _ in 0..<200 { if try done() { return }; try await Task.sleep(for: .milliseconds(50)) }
            Issue.record("timed out waiting for \(what)")
        }
        try await waitFor("the backfill") { try T.audienceField(ws.sim).count == 4 }
        let entered = try ws.file("entered.ndjson", T.leads(5...5, ts: "2026-11-02T00:00:00Z"))
        #expect(try await ws.run(["ingest", "salesforce_leads", entered, "--mappings", ws.mappings]).status == 0)
        try await waitFor("u5 to be exported") { try T.audienceField(ws.sim)["u5@example.com"] == "working" }
        let (status, _) = try await child.stop()
        #expect(status == 0)
    }

    @Test("a misspelt key, an undefined audience and an unmapped required field exit 78 with their sentence")
    func badFiles() async throws {
        let ws = try await SimWorkspace.start("export-bad")
        defer { Task { await ws.stop() } }
        let typo = try ws.job("typo.yaml", T.exportJob(extra: "batch_sise: 10"))
        let r1 = try await ws.run(["run", typo, "--once"])
        #expect(r1.status == 78 && r1.stderr.contains("typo.yaml:") && r1.stderr.contains("batch_sise"), "\(r1.stderr)")
        let l1 = try await ws.run(["rejected", "list", typo])
        #expect(l1.status == 78 && l1.stderr.contains("batch_sise"), "\(l1.stderr)")
        let t1 = try await ws.run(["rejected", "retry", typo])
        #expect(t1.status == 78 && t1.stderr.contains("batch_sise"), "\(t1.stderr)")

        let undefined = try ws.job("undefined.yaml", T.exportJob(audience: "nobody"))
        let r2 = try await ws.run(["run", undefined, "--once"])
        #expect(r2.status == 78 && r2.stderr.contains("exports the audience nobody, which the store does not define")
                && r2.stderr.contains("sfconnect audiences load"), "\(r2.stderr)")

        let aud = try ws.job("audience-working.yaml", T.audience("working", where: "salesforce_lead_company = 'Acme'"))
        #expect(try await ws.run(["audiences", "load", aud, "--mappings", ws.mappings]).status == 0)
        let unmapped = try ws.job("unmapped.yaml", T.exportJob().replacingOccurrences(of: "  salesforce_lead_company: Company\n", with: ""))
        let r3 = try await ws.run(["run", unmapped, "--once"])
        #expect(r3.status == 78 && r3.stderr.contains("required field Lead.Company is not mapped in required_fields"), "\(r3.stderr)")
        let list = try await ws.run(["rejected", "list", aud])
        #expect(list.status == 0 && list.stdout.contains("working: no rejected records"), "\(list.stdout)")
    }

    static func pendingLine(_ out: String) -> String? { T.line(out, "pending: ") }
}
