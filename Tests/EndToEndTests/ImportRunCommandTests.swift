import Foundation
import Testing

/// `sfconnect run` on import jobs: refusals that must happen before any Salesforce call.
@Suite struct ImportRunCommandTests {
    static let leadsOnly = "kind: import\nauthorization: simulator\napi: rest\nimport_contacts: false\nimport_accounts: false\nimport_opportunities: false\nleads: {}\n"

    @Test("an allotment below one run's fixed calls exits 78 with the smallest value that works, and makes no API call")
    func allotmentTooSmall() async throws {
        let ws = try await SimWorkspace.start("allotment")
        defer { Task { await ws.stop() } }
        let job = try ws.job("leads.yaml", Self.leadsOnly + "max_daily_api_calls: 2\n")
        let before = ws.sim.apiCallsUsed()
        let r = try await ws.run(["run", job, "--once", "--mappings", ws.mappings])
        #expect(r.status == 78, "\(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains("Job leads: max_daily_api_calls: 2 cannot cover one run"), "\(r.stderr)")
        #expect(r.stderr.contains("each of its 1 object before its first page; set it to at least 3"), "\(r.stderr)")
        #expect(ws.sim.apiCallsUsed() == before)
        // Three calls are enough: on this empty org the run is a describe, a COUNT() and one empty page.
        let enough = try ws.job("leads3.yaml", Self.leadsOnly + "max_daily_api_calls: 3\n")
        let ok = try await ws.run(["run", enough, "--once", "--mappings", ws.mappings])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("api_calls: 3"), "\(ok.stdout)")
    }

    @Test("run on an audience file says it is not an import or export job and exits 78")
    func notAnImportJob() async throws {
        let ws = try await SimWorkspace.start("notimport")
        defer { Task { await ws.stop() } }
        let audience = try ws.job("audience-x.yaml", "kind: audience\nname: x\nwhere: \"salesforce_lead_company = 'Acme'\"\n")
        let r = try await ws.run(["run", audience, "--once", "--mappings", ws.mappings])
        #expect(r.status == 78, "\(r.stderr)")
        #expect(r.stderr.contains("\(audience) is neither an import nor an export job; `sfconnect run` runs kind: import, import_custom_object and export_audiences jobs (load a kind: audience file with `sfconnect audiences load`)."), "\(r.stderr)")
    }
}
