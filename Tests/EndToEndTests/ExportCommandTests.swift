import Foundation
import SalesforceSimulator
import Testing

/// `sfconnect run EXPORT_JOB` and `sfconnect rejected` through the built binary, against an
/// HTTPS simulator whose Lead has `Lytics_Audiences__c`. Profiles come from `sfconnect ingest`
/// into the salesforce_leads stream, the audience from `sfconnect audiences load`.
@Suite("sfconnect run (export) and rejected")
struct ExportCommandTests {
    static func exportJob(batchSize: Int = 10, audience: String = "working", extra: String = "") -> String {
        """
        kind: export_audiences
        authorization: simulator
        audiences: [\(audience)]
        object: Lead
        match_field: Email
        send_audiences_to: Lytics_Audiences__c
        required_fields:
          salesforce_lead_last_name: LastName
          salesforce_lead_company: Company
        extra_fields:
          email: Email
        batch_size: \(batchSize)
        \(extra)
        """
    }

    static func audience(_ name: String, where predicate: String) -> String {
        "kind: audience\nname: \(name)\nwhere: \(predicate)\n"
    }

    /// NDJSON lines for the salesforce_leads stream: `u<i>@example.com`, with a last name unless
    /// `noLastName` holds it, the status and company given.
    static func leads(_ range: ClosedRange<Int>, status: (Int) -> String = { _ in "Working - Contacted" },
                      noLastName: Set<Int> = [], ts: String = "2026-11-01T00:00:00Z") -> String {
        range.map { i in
            let last = noLastName.contains(i) ? "" : ", \"lead_last_name\": \"Member\(i)\""
            return "{\"_id\": \"in\(i)\", \"_ts\": \"\(ts)\", \"lead_email\": \"u\(i)@example.com\"\(last), "
                + "\"lead_company\": \"Acme\", \"lead_status\": \"\(status(i))\"}"
        }.joined(separator: "\n") + "\n"
    }

    /// Email (lowercased) → Lytics_Audiences__c of every Lead in the simulator (nil: null).
    static func audienceField(_ sim: RunningSimulator) throws -> [String: String?] {
        let rows = try sim.store.run("SELECT Email, Lytics_Audiences__c FROM Lead").rows
        var out: [String: String?] = [:]
        for row in rows {
            guard case .value(.string(let email))? = row["Email"] else { continue }
            if case .value(.string(let value))? = row["Lytics_Audiences__c"] { out[email.lowercased()] = value } else { out[email.lowercased()] = .some(nil) }
        }
        return out
    }

    static func line(_ out: String, _ prefix: String) -> String? {
        out.split(separator: "\n").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    @Test("first run backfills every member, a second sends nothing, leaving an audience clears the field and keeps the record")
    func backfillThenLeave() async throws {
        let ws = try await SimWorkspace.start("export")
        defer { Task { await ws.stop() } }
        let data = try ws.file("leads.ndjson", Self.leads(1...40, status: { $0 <= 30 ? "Working - Contacted" : "Open" }))
        let ingest = try await ws.run(["ingest", "salesforce_leads", data, "--mappings", ws.mappings])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let aud = try ws.job("audience-working.yaml", Self.audience("working", where: "salesforce_lead_status = 'Working - Contacted'"))
        let load = try await ws.run(["audiences", "load", aud, "--mappings", ws.mappings])
        #expect(load.status == 0 && load.stdout.contains("size 30"), "\(load.stdout) \(load.stderr)")
        let job = try ws.job("export.yaml", Self.exportJob())

        let first = try await ws.run(["run", job, "--once"])
        #expect(first.status == 0, "\(first.stdout)\n\(first.stderr)")
        #expect(Self.line(first.stdout, "backfilled: ") == "30 members queued", "\(first.stdout)")
        #expect(Self.line(first.stdout, "sent: ") == "30" && Self.line(first.stdout, "rejected: ") == "0", "\(first.stdout)")
        #expect(Self.line(first.stdout, "pending: ") == "0")
        // 1 describe + per batch of 10: one IN lookup and one create.
        #expect(Self.line(first.stdout, "api_calls: ").flatMap(Int.init) == 7, "\(first.stdout)")
        var field = try Self.audienceField(ws.sim)
        #expect(field.count == 30 && field.values.allSatisfy { $0 == "working" }, "\(field)")

        let second = try await ws.run(["run", job, "--once"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(Self.line(second.stdout, "backfilled: ") == "0 members queued" && Self.line(second.stdout, "sent: ") == "0",
                "\(second.stdout)")

        let moved = try ws.file("moved.ndjson", Self.leads(1...2, status: { _ in "Closed - Converted" }, ts: "2026-11-02T00:00:00Z"))
        #expect(try await ws.run(["ingest", "salesforce_leads", moved, "--mappings", ws.mappings]).status == 0)
        let third = try await ws.run(["run", job, "--once"])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(Self.line(third.stdout, "changed: ") == "2 members queued" && Self.line(third.stdout, "sent: ") == "2",
                "\(third.stdout)")
        field = try Self.audienceField(ws.sim)
        #expect(field.count == 30, "the records stay in Salesforce")
        #expect(field["u1@example.com"] == .some(nil) && field["u2@example.com"] == .some(nil) && field["u3@example.com"] == "working",
                "\(field)")
    }

    @Test("refused records are kept with Salesforce's code, listed as text and JSON, and retry sends them once the profile is fixed")
    func rejectedListAndRetry() async throws {
        let ws = try await SimWorkspace.start("rejected")
        defer { Task { await ws.stop() } }
        let data = try ws.file("leads.ndjson", Self.leads(1...5, noLastName: [2, 4]))
        #expect(try await ws.run(["ingest", "salesforce_leads", data, "--mappings", ws.mappings]).status == 0)
        let aud = try ws.job("audience-working.yaml", Self.audience("working", where: "salesforce_lead_company = 'Acme'"))
        #expect(try await ws.run(["audiences", "load", aud, "--mappings", ws.mappings]).status == 0)
        let job = try ws.job("export.yaml", Self.exportJob())

        let run = try await ws.run(["run", job, "--once"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.line(run.stdout, "sent: ") == "3" && Self.line(run.stdout, "rejected: ")?.hasPrefix("2 (see `sfconnect rejected list") == true,
                "\(run.stdout)")
        let list = try await ws.run(["rejected", "list", job])
        #expect(list.status == 0)
        let rows = list.stdout.split(separator: "\n").filter { $0.contains("REQUIRED_FIELD_MISSING") }
        #expect(rows.count == 2 && list.stdout.contains("2 rejected; send them again with `sfconnect rejected retry"), "\(list.stdout)")
        let json = try await ws.run(["rejected", "list", "export", "--json"])
        let objects = try json.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 2 && objects.allSatisfy { $0["error_code"] as? String == "REQUIRED_FIELD_MISSING" }, "\(json.stdout)")
        #expect(objects.allSatisfy { ($0["payload"] as? [String: Any])?["Email"] is String }, "\(json.stdout)")

        let fixed = try ws.file("fixed.ndjson", Self.leads(1...5, ts: "2026-11-02T00:00:00Z"))
        #expect(try await ws.run(["ingest", "salesforce_leads", fixed, "--mappings", ws.mappings]).status == 0)
        let retry = try await ws.run(["rejected", "retry", job])
        #expect(retry.status == 0, "\(retry.stderr)")
        #expect(Self.line(retry.stdout, "requeued: ") == "2" && Self.line(retry.stdout, "sent: ") == "2"
                && Self.line(retry.stdout, "rejected: ") == "0", "\(retry.stdout)")
        #expect(try await ws.run(["rejected", "list", job]).stdout.contains("export: no rejected records"))
        #expect(try Self.audienceField(ws.sim).count == 5)
    }
}
