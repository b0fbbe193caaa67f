import ConnectorCore
import Definitions
import Foundation
import HTTPTransport
import ImportEngine
import SalesforceAPI
import SalesforceAuth
import Store

/// `sfconnect bench import`: imports every lead of an org (the CLI seeds an in-process simulator)
/// into a temporary store through the real client (HTTP on loopback), and measures.
public enum ImportBenchmark {
    public struct Result: Sendable {
        public var records: Int
        public var seconds: Double
        public var apiCalls: Int
        public var api: QueryAPI?
        /// Peak resident memory of the process (VmHWM), simulator included.
        public var peakMemoryMB: Double?
        /// Resident memory just before the import (the seeded in-process simulator), and the
        /// import's peak above it: what the importer itself held at most.
        public var residentBeforeMB: Double?
        public var importPeakMB: Double?
        public var recordsPerSecond: Double { seconds > 0 ? Double(records) / seconds : 0 }

        public var lines: [String] {
            ["records: \(records)", String(format: "seconds: %.2f", seconds), String(format: "records_per_second: %.0f", recordsPerSecond),
             "api_calls: \(apiCalls)", String(format: "api_calls_per_2000_records: %.2f", Double(apiCalls) / max(1, Double(records) / 2000)),
             "api: \(api?.rawValue ?? "none")",
             "peak_memory_mb: " + mb(peakMemoryMB), "rss_before_import_mb: " + mb(residentBeforeMB),
             "import_peak_over_baseline_mb: " + mb(zip2(importPeakMB, residentBeforeMB).map { $0 - $1 })]
        }

        func mb(_ v: Double?) -> String { v.map { String(format: "%.1f", $0) } ?? "unknown (no /proc/self/status)" }
        func zip2(_ a: Double?, _ b: Double?) -> (Double, Double)? {
            guard let a, let b else { return nil }
            return (a, b)
        }
    }

    /// - Throws: the simulator's, the client's or the store's error when a step fails.
    /// Login for the password flow against `loginURL`.
    public struct Login: Sendable {
        public var loginURL: String, clientID: String, clientSecret: String, username: String, password: String, securityToken: String
        public init(loginURL: String, clientID: String, clientSecret: String, username: String, password: String, securityToken: String) {
            self.loginURL = loginURL
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.username = username
            self.password = password
            self.securityToken = securityToken
        }
    }

    public static func run(login c: Login, api: APISetting = .auto, mappingsDirectory: String = "mappings") async throws -> Result {
        let mappings = try MappingLoader.loadAll(directory: mappingsDirectory)
        guard let lead = mappings.first(where: { $0.object == "Lead" }) else {
            throw ImportError(.unknownField, object: "Lead", "There is no Lead mapping in \(mappingsDirectory); run from the repository root.")
        }
        let (client, gate, transport) = try c.client(job: "bench", priority: .importing)
        defer { transport.closeIdleConnections() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sfconnect-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: dir.appendingPathComponent("store.sqlite").path)
        let runner = ImportRunner(source: ImportClientSource(client: client), sink: ImportStoreSink(store: store),
                                  clock: SystemWallClock(), apiCalls: { gate.calls })
        let spec = ObjectImportSpec(object: "Lead", stream: lead.stream, planner: ImportPlanner(defaultRows: lead.fields),
                                    windows: WindowSettings(lag: 0), api: APIChoice(setting: api))
        let before = statusMB("VmRSS:")
        resetPeak()
        let started = Date()
        let report = await runner.run(job: "bench", objects: [spec])
        let seconds = Date().timeIntervalSince(started)
        if report.outcome != .completed {
            throw ImportError(.source, "The benchmark import did not complete: " + (report.errors.first ?? "\(report.outcome)"))
        }
        return Result(records: report.stored, seconds: seconds, apiCalls: report.apiCalls, api: report.objects.first?.api,
                      peakMemoryMB: peakMemoryMB(), residentBeforeMB: before, importPeakMB: statusMB("VmHWM:"))
    }

    /// Resets VmHWM to the current resident size (Linux: `5` to /proc/self/clear_refs), so the
    /// next VmHWM read is the peak since now.
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// VmHWM from /proc/self/status, in MB.
    public static func peakMemoryMB() -> Double? { statusMB("VmHWM:") }

    /// A `kB` line of /proc/self/status, in MB.
    static func statusMB(_ key: String) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(key) {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first
            return kb.map { $0 / 1024 }
        }
        return nil
    }
}
