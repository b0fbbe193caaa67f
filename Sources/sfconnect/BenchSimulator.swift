import ArgumentParser
import Foundation
import SalesforceSimulator

/// `sfconnect bench simulator [--leads N] [--pages N] [--seed N]`
struct BenchSimulator: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator",
        abstract: "Seed N synthetic leads, page through them 2,000 at a time over loopback, print ms per page and memory.")

    @Option(help: "How many leads to seed.") var leads: Int = 100_000
    @Option(help: "How many pages to fetch after the first.") var pages: Int = 20
    @Option(help: "Seed of the synthetic data.") var seed: UInt64 = 1
    @Option(help: "Accounts to seed and page with a Contacts subquery (0: leads only).") var accounts: Int = 0
    @Option(help: "Contacts to seed, spread over the accounts.") var contacts: Int = 0

    func validate() throws {
        guard leads > 0 else { throw ValidationError("--leads must be at least 1.") }
        guard pages >= 0 else { throw ValidationError("--pages must be 0 or more.") }
        guard accounts >= 0, contacts >= 0 else { throw ValidationError("--accounts and --contacts must be 0 or more.") }
    }

    func run() async throws {
        let r = try await SimulatorBenchmark.run(leads: leads, pages: pages, seed: seed, accounts: accounts, contacts: contacts)
        func pct(_ p: Double, _ ms: [Double] = r.pageMs) -> Double {
            let sorted = ms.sorted()
            return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
        print("leads: \(r.leads)")
        print(String(format: "seed_seconds: %.2f", r.seedSeconds))
        print(String(format: "first_page_ms: %.1f (runs the query: filter + sort of every lead)", r.firstPageMs))
        print("pages_fetched: \(r.pageMs.count)")
        print(String(format: "page_ms_median: %.1f", pct(0.5)))
        print(String(format: "page_ms_p95: %.1f", pct(0.95)))
        print("page_bytes: \(r.pageBytes)")
        print(String(format: "rss_mb_before: %.0f", r.rssBeforeMB))
        print(String(format: "rss_mb_after_seed: %.0f", r.rssAfterSeedMB))
        print(String(format: "rss_mb_after_paging: %.0f", r.rssAfterPagingMB))
        if let first = r.accountFirstPageMs {
            print("accounts: \(accounts) contacts: \(contacts)")
            print(String(format: "account_first_page_ms: %.1f", first))
            print(String(format: "account_page_ms_median: %.1f", pct(0.5, r.accountPageMs)))
            print(String(format: "account_page_ms_p95: %.1f", pct(0.95, r.accountPageMs)))
        }
    }
}
