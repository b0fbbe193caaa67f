import Foundation
import SalesforceSimulator
import Testing

/// `sfconnect run EXPORT_JOB --once` when the job's `max_daily_api_calls` runs out mid-backfill.
@Suite("sfconnect run (export): budget pause")
struct ExportBudgetCommandTests {
    typealias T = ExportCommandTests

    @Test("max_daily_api_calls spent mid-backfill: exit 75, the rest pending in the outbox; a run inside the window spends nothing")
    func pausedForBudgetExits75() async throws {
        let ws = try await SimWorkspace.start("export-budget")
        defer { Task { await ws.stop() } }
        let data = try ws.file("leads.ndjson", T.leads(1...30))
        #expect(try await ws.run(["ingest", "salesforce_leads", data, "--mappings", ws.mappings]).status == 0)
        let aud = try ws.job("audience-working.yaml", T.audience("working", where: "salesforce_lead_company = 'Acme'"))
        #expect(try await ws.run(["audiences", "load", aud, "--mappings", ws.mappings]).status == 0)
        // describe + 3 batches × (lookup + create) would be 7 calls; the job may spend 4 a day.
        let job = try ws.job("export.yaml", T.exportJob(batchSize: 10, extra: "max_daily_api_calls: 4"))

        let first = try await ws.run(["run", job, "--once"])
        #expect(first.status == 75, "\(first.stdout)\n\(first.stderr)")
        #expect(first.stderr.contains("paused: the API budget is spent; pending records wait in the outbox until "), "\(first.stderr)")
        #expect(T.line(first.stdout, "backfilled: ") == "30 members queued", "\(first.stdout)")
        let sent = T.line(first.stdout, "sent: ").flatMap(Int.init) ?? -1
        #expect(sent > 0 && sent < 30, "\(first.stdout)")
        #expect(T.line(first.stdout, "pending: ").flatMap(Int.init) == 30 - sent, "\(first.stdout)")
        #expect(try T.audienceField(ws.sim).count == sent)

        let second = try await ws.run(["run", job, "--once"])
        #expect(second.status == 75, "\(second.stdout)\n\(second.stderr)")
        #expect(T.line(second.stdout, "sent: ") == "0" && T.line(second.stdout, "api_calls: ") == "0", "\(second.stdout)")
        #expect(T.line(second.stdout, "pending: ").flatMap(Int.init) == 30 - sent, "\(second.stdout)")
        #expect(try T.audienceField(ws.sim).count == sent)
    }
}
