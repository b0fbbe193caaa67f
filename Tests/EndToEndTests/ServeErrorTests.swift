import Foundation
import HTTPTransport
import SalesforceSimulator
import Testing

/// `sfconnect serve`'s refusals and errors: writes without a configured token (403), with a wrong
/// token (401), to an unknown stream (404), a bad --jobs folder, no secret in /jobs, SIGINT like
/// SIGTERM, and /metrics counting failed jobs.
@Suite("sfconnect serve: errors and shutdown")
struct ServeErrorTests {
    static let webMapping = "stream: web_events\nfields:\n  - source: email\n    user_field: email\n    type: string\n    unique_id: true\n"

    /// Starts serve on a free port; nil (and the output) when it did not print `listening:`.
    static func launch(_ ws: SimWorkspace, _ extra: [String], env: [String: String] = [:]) async throws -> (ChildProcess, Int?) {
        let serve = try ChildProcess(["serve", "--port", "0", "--jobs", ws.dir + "/jobs", "--mappings", ws.dir + "/mappings"] + extra,
                                     environment: ws.env.merging(env) { $1 })
        let first = try await serve.read(until: "\n")
        let port = first.split(separator: "\n").first { $0.hasPrefix("listening: ") }.flatMap { Int($0.dropFirst(11)) }
        return (serve, port)
    }

    static func send(_ t: CurlTransport, _ port: Int, _ method: String, _ path: String, body: String? = nil,
                     token: String? = nil) async throws -> (status: Int, body: String) {
        let headers: HTTPHeaders = token.map { ["Authorization": "Bearer \($0)"] } ?? [:]
        let r = try await t.send(HTTPRequest(method: method, url: "http://127.0.0.1:\(port)\(path)", headers: headers,
                                             body: body.map { Data($0.utf8) }))
        return (r.status, String(decoding: r.body, as: UTF8.self))
    }

    /// A workspace whose mappings folder holds the repository's mappings and a `web_events` stream.
    static func workspace(_ name: String) async throws -> SimWorkspace {
        let ws = try await SimWorkspace.start(name, sizes: OrgSizes(leads: 50))
        let fm = FileManager.default
        try fm.createDirectory(atPath: ws.dir + "/mappings", withIntermediateDirectories: true)
        for m in try fm.contentsOfDirectory(atPath: ws.mappings) where m.hasSuffix(".yaml") {
            try fm.copyItem(atPath: ws.mappings + "/" + m, toPath: ws.dir + "/mappings/" + m)
        }
        _ = try ws.file("mappings/web.yaml", webMapping)
        return ws
    }

    @Test("with no token configured every write gets 403 saying how to set one; SIGINT exits 0 like SIGTERM")
    func noTokenConfiguredAndSIGINT() async throws {
        let ws = try await Self.workspace("serve-notoken")
        defer { Task { await ws.stop() } }
        try ws.job("import-leads.yaml", "kind: import\nauthorization: simulator\napi: rest\nleads: {}\n")
        let (serve, port) = try await Self.launch(ws, [], env: ["SFCONNECT_SERVE_TOKEN": ""])
        let p = try #require(port, "serve did not start")
        let t = CurlTransport()
        defer { t.closeIdleConnections() }
        let refused = try await Self.send(t, p, "POST", "/streams/web_events", body: "{\"email\":\"a@x.com\"}\n", token: "anything")
        #expect(refused.status == 403, "\(refused)")
        #expect(refused.body.contains("Writes are refused: no token is configured; set SFCONNECT_SERVE_TOKEN or pass --token-file."),
                "\(refused.body)")
        let bare = try await Self.send(t, p, "POST", "/streams/web_events", body: "{\"email\":\"a@x.com\"}\n")
        #expect(bare.status == 403)
        // Reads stay open without a token.
        #expect(try await Self.send(t, p, "GET", "/healthz") == (200, "ok\n"))

        kill(serve.process.processIdentifier, SIGINT)
        let process = serve.process, err = serve.err.fileHandleForReading
        let (status, stderr) = try await offPool { () -> (Int32, String) in
            let e = err.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: e, as: UTF8.self))
        }
        #expect(status == 0 && process.terminationReason == .exit, "\(stderr)")
        #expect(stderr.contains("stopped: checkpoints saved"), "\(stderr)")
    }

    @Test("a wrong token gets 401, an unknown stream 404 naming the mapped streams, /jobs holds no token, and failed jobs count in sfconnect_job_errors_total")
    func wrongTokenUnknownStreamAndErrors() async throws {
        let ws = try await Self.workspace("serve-errors")
        defer { Task { await ws.stop() } }
        let token = "serve-secret-\(UUID().uuidString)"
        let tokenFile = try ws.file("token.txt", token + "\n")
        // One job whose authorization does not exist (the run throws), one whose field the org lacks (the pass fails).
        try ws.job("no-auth.yaml", "kind: import\nauthorization: nowhere\napi: rest\nleads: {}\n")
        try ws.job("bad-field.yaml", "kind: import\nauthorization: simulator\napi: rest\nimport_contacts: false\nimport_accounts: false\n"
                   + "import_opportunities: false\nleads: {additional_fields: [Nope__c]}\n")
        let (serve, port) = try await Self.launch(ws, ["--token-file", tokenFile, "--store", ws.dir + "/serve.sqlite"])
        let p = try #require(port, "serve did not start")
        let t = CurlTransport()
        defer { t.closeIdleConnections() }

        let wrong = try await Self.send(t, p, "POST", "/streams/web_events", body: "{\"email\":\"a@x.com\"}\n", token: "not-" + token)
        #expect(wrong.status == 401 && wrong.body.contains("Missing or wrong bearer token; send Authorization: Bearer TOKEN."), "\(wrong)")
        let unknown = try await Self.send(t, p, "POST", "/streams/no_such_stream", body: "{\"email\":\"a@x.com\"}\n", token: token)
        #expect(unknown.status == 404, "\(unknown)")
        #expect(unknown.body.contains("No mapping names stream no_such_stream (mapped streams: ") && unknown.body.contains("web_events"),
                "\(unknown.body)")
        let ok = try await Self.send(t, p, "POST", "/streams/web_events", body: "{\"email\":\"a@x.com\"}\n", token: token)
        #expect(ok.status == 200 && ok.body.contains("\"stored\":1"), "\(ok)")

        var metrics = ""
        for _ in 0..<100 {
            metrics = try await Self.send(t, p, "GET", "/metrics").body
            if metrics.contains("sfconnect_job_errors_total{job=\"no-auth\"}") && metrics.contains("sfconnect_job_errors_total{job=\"bad-field\"}") {
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(metrics.contains("sfconnect_job_errors_total{job=\"no-auth\"} 1"), "\(metrics)")
        #expect(metrics.contains("sfconnect_job_errors_total{job=\"bad-field\"} 1"), "\(metrics)")
        let jobs = try await Self.send(t, p, "GET", "/jobs")
        #expect(jobs.status == 200 && jobs.body.contains("\"name\":\"bad-field\""), "\(jobs.body)")
        #expect(!jobs.body.contains(token), "the serve token leaked into /jobs: \(jobs.body)")
        #expect(!jobs.body.contains(ws.sim.credentials.password) && !jobs.body.contains(ws.sim.credentials.clientSecret))
        let stopped = try await serve.stop()
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(!stopped.stderr.contains(token), "the serve token leaked into the log")
    }

    @Test("a --jobs folder that does not exist, or holds a broken job, exits 1 with its sentence")
    func badJobsFolder() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sfc-serve-badjobs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/jobs", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let missing = try await CLIRunner.run(["serve", "--port", "0", "--jobs", dir + "/nope", "--store", dir + "/s.sqlite"])
        #expect(missing.status == 1, "\(missing.stdout) \(missing.stderr)")
        #expect(missing.stderr.contains("Cannot read the jobs folder \(dir)/nope; check --jobs."), "\(missing.stderr)")
        #expect(!missing.stdout.contains("listening:"))
        try "kind: import\nauthorization: simulator\nleads: {sinse: 2024-01-01}\n".write(toFile: dir + "/jobs/broken.yaml", atomically: true, encoding: .utf8)
        let broken = try await CLIRunner.run(["serve", "--port", "0", "--jobs", dir + "/jobs", "--store", dir + "/s.sqlite"])
        #expect(broken.status == 1, "\(broken.stdout) \(broken.stderr)")
        #expect(broken.stderr.contains("\(dir)/jobs/broken.yaml:3"), "\(broken.stderr)")
    }
}
