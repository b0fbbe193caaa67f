import ConnectorTesting
import Foundation
import HTTPTransport
import SalesforceSimulator
import Testing

@Suite("sfconnect serve")
struct ServeCommandTests {
    static let root = DemoCommandTests.root

    /// Starts `sfconnect serve` and reads the port it prints on its first line.
    func launch(_ arguments: [String], environment: [String: String]) async throws -> (ChildProcess, Int, String) {
        let process = try ChildProcess(arguments, environment: environment)
        let text = try await process.read(until: "\n")
        let port = Int(text.split(separator: "\n").first { $0.hasPrefix("listening: ") }?.dropFirst(11) ?? "") ?? 0
        return (process, port, text)
    }

    func send(_ t: CurlTransport, _ port: Int, _ method: String, _ path: String, body: String? = nil,
              token: String? = nil) async throws -> (Int, String) {
        var headers: HTTPHeaders = [:]
        if let token { headers = ["Authorization": "Bearer \(token)"] }
        let r = try await t.send(HTTPRequest(method: method, url: "http://127.0.0.1:\(port)\(path)", headers: headers,
                                             body: body.map { Data($0.utf8) }))
        return (r.status, String(decoding: r.body, as: UTF8.self))
    }

    @Test("serves health, jobs, metrics and token-guarded NDJSON ingest; an ingested event moves a profile into an audience and the export changes its Salesforce lead; SIGTERM exits 0")
    func serve() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sfc-e2e-serve-\(UUID().uuidString)").path
        let fm = FileManager.default
        for d in ["auth", "jobs", "mappings"] { try fm.createDirectory(atPath: dir + "/" + d, withIntermediateDirectories: true) }
        defer { try? fm.removeItem(atPath: dir) }
        try #"{"objects": [{"name": "Lead", "fields": [{"name": "Lytics_Audiences__c", "type": "textarea", "length": 32768}]}]}"#
            .write(toFile: dir + "/schema.json", atomically: true, encoding: .utf8)
        let sim = try await SalesforceSimulatorServer.start(.init(tls: true, org: OrgSetup(
            schemaFile: dir + "/schema.json", sizes: OrgSizes(leads: 300, contacts: 50, accounts: 20, opportunities: 20))))
        let c = sim.credentials
        var env = try SimulatorAuthorization.write(dir: dir, for: sim)
        env["SFCONNECT_SERVE_TOKEN"] = "test-token-123"
        for m in try fm.contentsOfDirectory(atPath: Self.root + "/mappings") where m.hasSuffix(".yaml") {
            try fm.copyItem(atPath: Self.root + "/mappings/" + m, toPath: dir + "/mappings/" + m)
        }
        try ("stream: web_events\nfields:\n  - source: email\n    user_field: email\n    type: string\n    unique_id: true\n"
            + "  - source: status\n    user_field: salesforce_lead_status\n    type: string\n")
            .write(toFile: dir + "/mappings/web.yaml", atomically: true, encoding: .utf8)
        try "kind: import\nauthorization: simulator\nleads: {}\nkeep_updated: true\nfrequency: hourly\n"
            .write(toFile: dir + "/jobs/import-leads.yaml", atomically: true, encoding: .utf8)
        for j in ["audience-working-leads.yaml", "audience-tech-leads.yaml", "export-leads.yaml"] {
            try fm.copyItem(atPath: Self.root + "/jobs/" + j, toPath: dir + "/jobs/" + j)
        }
        let (served, port, firstOutput) = try await launch(["serve", "--port", "0", "--jobs", dir + "/jobs", "--mappings", dir + "/mappings",
                                 "--store", dir + "/store.sqlite"], environment: env)
        guard port > 0 else {
            Issue.record("serve did not start: \(firstOutput) \(try await served.stop())")
            await sim.stop()
            return
        }
        let t = CurlTransport()
        let health = try await send(t, port, "GET", "/healthz")
        #expect(health == (200, "ok\n"))
        let ndjson = "{\"email\":\"a@x.com\"}\nnot json\n{\"email\":\"b@x.com\"}\n"
        let noToken = try await send(t, port, "POST", "/streams/web_events", body: ndjson)
        #expect(noToken.0 == 401 && noToken.1.contains("Missing or wrong bearer token"))
        let wrong = try await send(t, port, "POST", "/streams/web_events", body: ndjson, token: "nope")
        #expect(wrong.0 == 401)
        let ok = try await send(t, port, "POST", "/streams/web_events", body: ndjson, token: "test-token-123")
        #expect(ok.0 == 200, "\(ok.1)")
        #expect(ok.1.contains("\"stored\":2") && ok.1.contains("\"line\":2"), "\(ok.1)")
        // Wait for the import of the 300 leads.
        var jobs = (0, "")
        for _ in 0..<100 {
            jobs = try await send(t, port, "GET", "/metrics")
            if jobs.1.contains("sfconnect_stream_records{stream=\"salesforce_leads\"} 300") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        jobs = try await send(t, port, "GET", "/jobs")
        #expect(jobs.1.contains("\"name\":\"import-leads\",\"kind\":\"import\",\"status\":\"running\""), "\(jobs.1)")
        #expect(jobs.1.contains("\"name\":\"export-leads\",\"kind\":\"export\",\"status\":\"running\""), "\(jobs.1)")
        // An event moves a lead's profile into working_leads; the export writes it to Salesforce in real time.
        let rows = try sim.store.run("SELECT Id, Email FROM Lead WHERE Status != 'Working - Contacted' AND Email != null LIMIT 1").rows
        guard case .value(.string(let email))? = rows.first?["Email"], let leadID = rows.first?.id else {
            Issue.record("the simulator has no lead to move"); return
        }
        let moved = try await send(t, port, "POST", "/streams/web_events", body: "{\"email\":\"\(email)\",\"status\":\"Working - Contacted\"}\n",
                                   token: "test-token-123")
        #expect(moved.0 == 200 && moved.1.contains("\"stored\":1"), "\(moved.1)")
        var field = ""
        for _ in 0..<100 {
            let r = try sim.store.run("SELECT Lytics_Audiences__c FROM Lead WHERE Id = '\(leadID)'").rows
            if case .value(.string(let v))? = r.first?["Lytics_Audiences__c"] { field = v }
            if field.contains("working_leads") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(field.contains("working_leads"), "the lead \(leadID) was not exported: '\(field)'")
        #expect(!jobs.1.contains(c.password) && !jobs.1.contains(c.clientSecret))
        let metrics = try await send(t, port, "GET", "/metrics")
        #expect(metrics.0 == 200)
        for line in ["sfconnect_stream_records{stream=\"salesforce_leads\"} 300", "sfconnect_ingested_records_total{stream=\"web_events\"} 3",
                     "sfconnect_rejected_records_total{stream=\"web_events\"} 1", "sfconnect_http_request_duration_seconds_bucket"] {
            #expect(metrics.1.contains(line), "missing \(line)")
        }
        #expect(metrics.1.contains("sfconnect_import_api_calls{job=\"import-leads\"}"))
        #expect(metrics.1.contains("sfconnect_export_records_sent{job=\"export-leads\"}"), "\(metrics.1)")
        // The export's rejected, pending and API-call series README documents.
        for series in ["sfconnect_export_records_rejected", "sfconnect_export_records_pending", "sfconnect_export_api_calls"] {
            #expect(metrics.1.contains("\(series){job=\"export-leads\"} "), "missing \(series)")
        }
        let exportCalls = metrics.1.split(separator: "\n").first { $0.hasPrefix("sfconnect_export_api_calls{job=\"export-leads\"} ") }
            .flatMap { $0.split(separator: " ").last }.flatMap { Double($0) } ?? 0
        #expect(exportCalls > 0, "the export wrote to Salesforce, so it spent calls")
        // One budget for the org both jobs run on, and each job's calls in the window.
        #expect(metrics.1.contains("sfconnect_budget_remaining_calls{org=\"simulator\"}"), "\(metrics.1)")
        #expect(metrics.1.contains("sfconnect_salesforce_remaining_calls{org=\"simulator\"}"))
        #expect(metrics.1.contains("sfconnect_job_api_calls_24h_calls{job=\"import-leads\"}"))
        let stopped = try await served.stop()
        #expect(stopped.status == 0, "\(stopped.stderr)")
        await sim.stop()
    }
}
