import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `sfconnect bench simulator`: seeds N leads, pages through them over loopback and reports timings and memory.
public enum SimulatorBenchmark {
    public struct Report: Sendable {
        public var leads: Int
        public var seedSeconds: Double
        /// First page: runs the query (filter + sort of every lead) and serves 2,000 rows.
        public var firstPageMs: Double
        /// Later pages: 2,000 rows each, served from the cursor.
        public var pageMs: [Double]
        public var pageBytes: Int
        public var rssBeforeMB: Double
        public var rssAfterSeedMB: Double
        public var rssAfterPagingMB: Double
        /// With accounts: pages of `SELECT Id, Name, (SELECT Id, Email FROM Contacts) FROM Account`
        /// (the import's account query shape), first page and later pages.
        public var accountFirstPageMs: Double?
        public var accountPageMs: [Double] = []
    }

    /// Resident memory of this process in MB (`VmRSS` of /proc/self/status), or 0 where unavailable.
    public static func residentMB() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }

    /// - Parameter pages: at most this many pages after the first.
    /// - Throws: ``SimulatorError`` when the simulator does not start or a page is not 200.
    /// - Parameter accounts: accounts to seed (with `contacts` spread over them) and page with a
    ///   Contacts subquery; 0 skips that part.
    public static func run(leads: Int, pages: Int = 20, seed: UInt64 = 1, accounts: Int = 0, contacts: Int = 0) async throws -> Report {
        let before = residentMB()
        let start = Date()
        let store = OrgStore(schema: OrgSchema(), clock: { Date() })
        SyntheticOrg(seed: seed, sizes: OrgSizes(leads: leads, contacts: contacts, accounts: accounts)).populate(store)
        let seedSeconds = Date().timeIntervalSince(start)
        let afterSeed = residentMB()
        let sim = try await SalesforceSimulatorServer.start(.init(dailyLimit: 10_000_000), store: store)
        defer { Task { await sim.stop() } }
        let token = "bench!" + SalesforceID.randomToken(length: 40)
        sim.state.addSession(token, expires: Date().addingTimeInterval(3600))
        let session = URLSession(configuration: .ephemeral)
        func fetch(_ path: String) async throws -> (Double, [String: Any], Int) {
            var request = URLRequest(url: URL(string: sim.baseURL + path)!)
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            let t = Date()
            let (data, response) = try await session.data(for: request)
            let ms = Date().timeIntervalSince(t) * 1000
            guard (response as? HTTPURLResponse)?.statusCode == 200,
                  let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw SimulatorError(kind: .didNotStart, message: "Benchmark page \(path) failed: "
                    + String(decoding: data.prefix(300), as: UTF8.self))
            }
            return (ms, object, data.count)
        }
        func pageThrough(_ soql: String) async throws -> (first: Double, later: [Double], bytes: Int) {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            var (first, object, bytes) = try await fetch("/services/data/v60.0/query?q="
                + soql.addingPercentEncoding(withAllowedCharacters: allowed)!)
            var times: [Double] = []
            while times.count < pages, let next = object["nextRecordsUrl"] as? String {
                let (ms, o, _) = try await fetch(next)
                times.append(ms)
                object = o
            }
            if first < 0 { first = 0 }
            return (first, times, bytes)
        }
        let (first, times, bytes) = try await pageThrough(
            "SELECT Id, FirstName, LastName, Email, Company, Phone, Status, Street, SystemModstamp FROM Lead "
            + "ORDER BY SystemModstamp ASC, Id ASC")
        let accountPages = accounts > 0
            ? try await pageThrough("SELECT Id, Name, (SELECT Id, Email FROM Contacts) FROM Account ORDER BY SystemModstamp, Id") : nil
        await sim.stop()
        return Report(leads: leads, seedSeconds: seedSeconds, firstPageMs: first, pageMs: times, pageBytes: bytes,
                      rssBeforeMB: before, rssAfterSeedMB: afterSeed, rssAfterPagingMB: residentMB(),
                      accountFirstPageMs: accountPages?.first, accountPageMs: accountPages?.later ?? [])
    }
}
