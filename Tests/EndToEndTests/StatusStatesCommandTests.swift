import Foundation
import SalesforceSimulator
import Testing

/// `sfconnect status` after `run` recorded the states `paused until T`, `running` and `failed`,
/// through the built binary against an HTTPS simulator.
@Suite("sfconnect status: paused, running, failed")
struct StatusStatesCommandTests {
    static let leadsOnly = "kind: import\nauthorization: simulator\napi: rest\nimport_contacts: false\nimport_accounts: false\nimport_opportunities: false\n"

    /// The job's entry in `status --json`.
    static func jobStatus(_ ws: SimWorkspace, _ name: String) async throws -> [String: Any] {
        let r = try await ws.run(["status", "--jobs", ws.dir + "/jobs", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let jobs = try #require(report["jobs"] as? [[String: Any]])
        return try #require(jobs.first { $0["job"] as? String == name }, "\(r.stdout)")
    }

    /// Waits for the child to end by itself; its status and what stderr held.
    static func waitForExit(_ child: ChildProcess) async throws -> (status: Int32, stderr: String) {
        let process = child.process, handle = child.err.fileHandleForReading
        return try await offPool {
            let e = handle.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: e, as: UTF8.self))
        }
    }

    @Test("run --once with too small a budget exits 75 and status shows paused until a time; run without --once shows paused until T while it waits; a pass in progress shows running; a failed run shows failed")
    func pausedRunningFailed() async throws {
        let ws = try await SimWorkspace.start("status-states", sizes: OrgSizes(leads: 2_500))
        defer { Task { await ws.stop() } }
        // Three calls: describe, COUNT() and the first page of 2,000; the second page must wait.
        let job = try ws.job("leads.yaml", Self.leadsOnly + "leads: {}\nmax_daily_api_calls: 3\n")
        let started = Date()
        let run = try await ws.run(["run", job, "--once", "--mappings", ws.mappings])
        #expect(run.status == 75, "\(run.stdout) \(run.stderr)")
        #expect(run.stdout.contains("salesforce_leads: 2000 stored"), "\(run.stdout)")

        let paused = try await Self.jobStatus(ws, "leads")
        #expect(paused["state"] as? String == "paused", "\(paused)")
        let until = try #require((paused["pausedUntil"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) }, "\(paused)")
        #expect(until > started && until <= Date().addingTimeInterval(86_400 + 5), "wake-up \(until): 24 h after the first call")
        #expect(paused["callsLast24Hours"] as? Int == 3 && paused["allotment"] as? Int == 3, "\(paused)")
        let text = try await ws.run(["status", "--jobs", ws.dir + "/jobs"])
        let iso = ISO8601DateFormatter().string(from: until)
        #expect(text.stdout.contains("leads (leads.yaml): paused until \(iso)\n"), "\(text.stdout)")
        #expect(text.stdout.contains("calls in the last 24 h: 3 of 3"), "\(text.stdout)")

        // Without --once the run waits out the pause in-process: status shows it paused until T.
        let waiting = try ChildProcess(["run", job, "--mappings", ws.mappings], environment: ws.env)
        let errHandle = waiting.err.fileHandleForReading
        let log = try await offPool { () -> String in
            var text = ""
            while !text.contains("import paused for budget") {
                let chunk = errHandle.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text
        }
        #expect(log.contains("import paused for budget") && waiting.process.isRunning, "\(log)")
        let sleeping = try await Self.jobStatus(ws, "leads")
        #expect(sleeping["state"] as? String == "paused" && sleeping["pausedUntil"] as? String == iso, "\(sleeping)")
        let sleepingText = try await ws.run(["status", "--jobs", ws.dir + "/jobs"])
        #expect(sleepingText.stdout.contains("leads (leads.yaml): paused until \(iso)\n"), "\(sleepingText.stdout)")
        let stopped = try await waiting.stop()
        #expect(stopped.status == 0, "SIGTERM during the wait is a clean stop at the checkpoint: \(stopped.stderr)")
        #expect(try await Self.jobStatus(ws, "leads")["pausedUntil"] as? String == iso)

        // A pass in progress (the simulator slowed down) shows running, then idle when it ends.
        let slow = try ws.job("slow.yaml", Self.leadsOnly + "leads: {}\n")
        ws.sim.setLatency(milliseconds: 600)
        let slowRun = try ChildProcess(["run", slow, "--once", "--mappings", ws.mappings], environment: ws.env)
        var seen = ""
        for _ in 0..<100 where seen != "running" && slowRun.process.isRunning {
            seen = try await Self.jobStatus(ws, "slow")["state"] as? String ?? ""
            if seen != "running" { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(seen == "running", "status never showed the pass running")
        let runningText = try await ws.run(["status", "--jobs", ws.dir + "/jobs"])
        #expect(runningText.stdout.contains("slow (slow.yaml): running\n") || !slowRun.process.isRunning, "\(runningText.stdout)")
        let slowDone = try await Self.waitForExit(slowRun)
        ws.sim.setLatency(milliseconds: 0)
        #expect(slowDone.status == 0, "\(slowDone.stderr)")
        #expect(try await Self.jobStatus(ws, "slow")["state"] as? String == "idle")

        // A field the org lacks fails the run before any data moves: status shows failed.
        let bad = try ws.job("bad.yaml", Self.leadsOnly + "leads: {additional_fields: [Nope__c]}\n")
        let failedRun = try await ws.run(["run", bad, "--once", "--mappings", ws.mappings])
        #expect(failedRun.status == 78, "\(failedRun.stderr)")
        let failed = try await Self.jobStatus(ws, "bad")
        #expect(failed["state"] as? String == "failed" && failed["pausedUntil"] == nil, "\(failed)")
        #expect(failed["lastRunOutcome"] as? String != nil, "\(failed)")
        let failedText = try await ws.run(["status", "--jobs", ws.dir + "/jobs"])
        #expect(failedText.stdout.contains("bad (bad.yaml): failed\n"), "\(failedText.stdout)")
    }
}
