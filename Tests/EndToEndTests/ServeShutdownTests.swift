import Foundation
import HTTPTransport
import SalesforceSimulator
import Testing

/// SIGTERM while `serve` is importing: the page in flight is stored with its checkpoint, the
/// process exits 0, and a later run resumes from that checkpoint to the exact set.
@Suite("sfconnect serve: SIGTERM mid-import")
struct ServeShutdownTests {
    @Test("SIGTERM mid-import exits 0 with a first_load checkpoint; run --once then completes to exactly every lead")
    func sigtermMidImport() async throws {
        let ws = try await SimWorkspace.start("serve-term", sizes: OrgSizes(leads: 12_000))
        defer { Task { await ws.stop() } }
        let job = try ws.job("import-leads.yaml", "kind: import\nauthorization: simulator\napi: rest\nleads: {}\n")
        ws.sim.setLatency(milliseconds: 400)
        let serve = try ChildProcess(["serve", "--port", "0", "--jobs", ws.dir + "/jobs", "--mappings", ws.mappings],
                                     environment: ws.env)
        let first = try await serve.read(until: "\n")
        let listening = first.split(separator: "\n").first { $0.hasPrefix("listening: ") }
        let port = try #require(listening.flatMap { Int($0.dropFirst(11)) }, "serve did not start: \(first)")
        let t = CurlTransport()
        defer { t.closeIdleConnections() }
        var done = 0
        for _ in 0..<200 where done == 0 {
            let r = try await t.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/metrics"))
            let text = String(decoding: r.body, as: UTF8.self)
            done = text.split(separator: "\n").first { $0.hasPrefix("sfconnect_import_records_done{job=\"import-leads\"}") }
                .flatMap { $0.split(separator: " ").last.flatMap { Double($0) }.map { Int($0) } } ?? 0
            if done == 0 { try await Task.sleep(for: .milliseconds(50)) }
        }
        let stopped = try await serve.stop()
        #expect(stopped.status == 0 && stopped.stderr.contains("stopped: checkpoints saved"), "\(stopped.stderr)")
        #expect(done > 0 && done < 12_000, "SIGTERM came after \(done) of 12,000 leads")

        let status = try await ws.run(["status", "--jobs", ws.dir + "/jobs"])
        #expect(status.stdout.contains("checkpoint: Lead: first_load"), "\(status.stdout)")
        let streams = try await ws.run(["streams", "list"])
        let stored = streams.stdout.split(separator: "\n").first { $0.hasPrefix("salesforce_leads") }
            .flatMap { $0.split(separator: " ").compactMap { Int($0) }.first } ?? -1
        #expect(stored > 0 && stored < 12_000 && stored % 2_000 == 0, "whole pages only: \(streams.stdout)")

        ws.sim.setLatency(milliseconds: 0)
        let resumed = try await ws.run(["run", job, "--once", "--mappings", ws.mappings])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("salesforce_leads: \(12_000 - stored) stored, 0 already stored"), "\(resumed.stdout)")
        let after = try await ws.run(["streams", "list"])
        #expect(after.stdout.split(separator: "\n").contains { $0.hasPrefix("salesforce_leads") && $0.contains(" 12000 ") },
                "\(after.stdout)")
    }
}
