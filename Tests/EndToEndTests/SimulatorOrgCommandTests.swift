import Foundation
import Testing

@Suite("sfconnect simulator: synthetic org flags")
struct SimulatorOrgCommandTests {
    @Test("sizes, seed and schema options shape the org it prints")
    func sizes() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sim-\(UUID().uuidString)").path
        let (process, fields) = try await SimulatorCommandTests().launch(
            ["--data-dir", dir, "--leads", "7", "--contacts", "3", "--accounts", "2", "--opportunities", "1",
             "--campaigns", "1", "--seed", "9", "--no-state-country-picklists", "--no-lead-record-types"])
        #expect(fields["records"] == "Lead=7 Contact=3 Account=2 Opportunity=1 Campaign=1")
        #expect(fields["base_url"]?.hasPrefix("http://127.0.0.1:") == true)
        try await process.stop()
    }

    @Test("an unreadable schema file fails with the file named")
    func badSchema() async throws {
        let r = try await CLIRunner.run(["simulator", "--port", "0", "--schema", "/nonexistent/org.json"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("Schema file /nonexistent/org.json: cannot be read"))
    }

    @Test("a negative size is a usage error")
    func negativeSize() async throws {
        let r = try await CLIRunner.run(["simulator", "--leads=-1"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--leads must be 0 or more."))
    }

    @Test("bench simulator prints ms per page and resident memory")
    func bench() async throws {
        let r = try await CLIRunner.run(["bench", "simulator", "--leads", "2500", "--pages", "1"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("leads: 2500") && r.stdout.contains("pages_fetched: 1"))
        #expect(r.stdout.contains("page_ms_median:") && r.stdout.contains("rss_mb_after_seed:"))
    }

    @Test("bench export back-fills every profile into the simulator and times real-time changes")
    func benchExport() async throws {
        let r = try await CLIRunner.run(["bench", "export", "--profiles", "450", "--api", "rest", "--changes", "5", "--rate", "50"])
        #expect(r.status == 0, "\(r.stderr)")
        // 450 creates at 200 per call, plus the describe.
        #expect(r.stdout.contains("backfill_api: collections") && r.stdout.contains("backfill_api_calls: 4\n"))
        #expect(r.stdout.contains("sent: 450\n") && r.stdout.contains("simulator_leads: 450"))
        #expect(r.stdout.contains("realtime_sent: 5") && r.stdout.contains("latency_p99_ms:"))
    }

    @Test("bench export refuses an unknown api")
    func benchExportBadAPI() async throws {
        let r = try await CLIRunner.run(["bench", "export", "--api", "soap"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--api must be auto, rest or bulk."))
    }
}
