import Foundation
import Testing

/// The import and simulator benchmarks through the built binary, at sizes CI can afford: they must
/// finish, import every lead with one call per 2,000-record page (+ describe and COUNT()), and
/// print the memory lines the README documents.
@Suite("Benchmarks through the built CLI")
struct BenchCommandTests {
    @Test("bench import against an in-process simulator stores every lead in 2 pages + describe + COUNT()")
    func importInProcess() async throws {
        let r = try await CLIRunner.run(["bench", "import", "--leads", "2500", "--api", "rest"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("records: 2500\n") && r.stdout.contains("api_calls: 4\n"))
        #expect(r.stdout.contains("api: rest\n") && r.stdout.contains("import_peak_over_baseline_mb:"))
        #expect(!r.stdout.contains("simulator_process_peak_mb"))
    }

    @Test("bench import --simulator-process imports the child simulator's synthetic leads and reports both peaks")
    func importFromChildProcess() async throws {
        let r = try await CLIRunner.run(["bench", "import", "--leads", "2500", "--api", "rest", "--simulator-process"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("simulator: separate process"))
        #expect(r.stdout.contains("records: 2500\n") && r.stdout.contains("api_calls: 4\n"))
        let peak = r.stdout.split(separator: "\n").first { $0.hasPrefix("simulator_process_peak_mb: ") }
        #expect(peak.flatMap { Double($0.dropFirst("simulator_process_peak_mb: ".count)) }.map { $0 > 0 } == true)
    }

    @Test("bench simulator --accounts pages accounts with their Contacts subquery")
    func simulatorAccounts() async throws {
        let r = try await CLIRunner.run(["bench", "simulator", "--leads", "100", "--pages", "1",
                                         "--accounts", "2500", "--contacts", "3000"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("accounts: 2500 contacts: 3000"))
        #expect(r.stdout.contains("account_first_page_ms:") && r.stdout.contains("account_page_ms_median:"))
    }

    @Test("bench simulator refuses negative account and contact counts")
    func simulatorNegative() async throws {
        let r = try await CLIRunner.run(["bench", "simulator", "--accounts=-1"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--accounts and --contacts must be 0 or more."))
    }
}
