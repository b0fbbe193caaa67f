import ConnectorCore
import ConnectorTesting
import Foundation
import HTTPTransport
import Logging
import SalesforceAPI
import SalesforceConnector
import SalesforceSimulator
import Store

/// `sfconnect run EXPORT_JOB` in-process: ``RunExport`` (job file → authorization → budget →
/// describe → backfill/changes → outbox drain) against an HTTPS simulator on loopback, with a
/// real SQLite store seeded by ``exportStore`` (members `m<i>@example.com` in audience `vip`)
/// and one ``ManualWallClock`` for the budget window, token expiry and client backoff.
struct ExportRunRig {
    let dir: URL
    let sim: RunningSimulator
    let transport: CurlTransport
    let store: Store
    let clock: ManualWallClock
    let env: [String: String]

    /// `leadFields` are schema-file fields added to Lead, e.g.
    /// `{"name": "Lytics_Audiences__c", "type": "textarea", "length": 40}`.
    static func start(leadFields: [String], members: Int, fields: (Int) -> [String: JSONValue] = { _ in [:] },
                      audiences: [String: ClosedRange<Int>] = [:],
                      mapping: [FieldMapping] = exportMapping) async throws -> ExportRunRig {
        let (store, dir) = try exportStore(members: members, fields: fields, audiences: audiences, mapping: mapping)
        let fm = FileManager.default
        for sub in ["auth", "jobs", "tokens"] {
            try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let schema = dir.appendingPathComponent("schema.json")
        try Data(#"{"objects": [{"name": "Lead", "fields": [\#(leadFields.joined(separator: ","))]}]}"#.utf8).write(to: schema)
        let sim = try await SalesforceSimulatorServer.start(
            SimulatorConfiguration(tls: true, org: OrgSetup(schemaFile: schema.path)))
        let env = try SimulatorAuthorization.write(dir: dir.path, for: sim)
        let transport = CurlTransport(configuration: TransportConfiguration(caFile: sim.caFile))
        return ExportRunRig(dir: dir, sim: sim, transport: transport, store: store, clock: ManualWallClock(Date()), env: env)
    }

    /// Writes `jobs/NAME.yaml` (the job's name is NAME) and returns its path.
    func job(_ name: String, _ text: String) throws -> String {
        let path = dir.path + "/jobs/\(name).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// One `sfconnect run JOB --once` (or without `--once`, `onPass` sees the running total).
    func run(_ jobFile: String, once: Bool = true,
             onPass: (@Sendable (ExportRunReport) -> Void)? = nil) async throws -> ExportRunReport {
        let export = RunExport(jobFile: jobFile, once: once, storePath: dir.path + "/store.sqlite", environment: env,
                               workingDirectory: dir.path, pollInterval: .milliseconds(20))
        return try await export.run(clock: clock, logger: Logger(label: "export-run-test"), onPass: onPass)
    }

    /// A client outside the job's budget, for reading back what Salesforce holds.
    var client: SalesforceClient {
        SalesforceClient(transport: transport, tokens: PasswordTokens(sim, transport: transport), gate: UnmeteredGate(),
                         purpose: CallPurpose(job: "test-reader", priority: .importing))
    }

    /// Every Lead's `fields` by lowercased Email, and how many Leads there are (an Email seen twice
    /// counts twice).
    func leads(_ fields: [String]) async throws -> (byEmail: [String: SalesforceRecord], count: Int) {
        var byEmail: [String: SalesforceRecord] = [:]
        var count = 0
        for try await page in try client.query("SELECT " + (["Id", "Email"] + fields).joined(separator: ", ") + " FROM Lead") {
            for r in page.records {
                byEmail[r["Email"]?.stringValue?.lowercased() ?? "?"] = r
                count += 1
            }
        }
        return (byEmail, count)
    }

    func stop() async {
        transport.closeIdleConnections()
        await sim.stop()
        try? FileManager.default.removeItem(at: dir)
    }

    /// An export job to Lead matched on Email: LastName, Company, Email, and `extra` keys.
    static func leadJob(audiences: [String], batchSize: Int = 200, extra: String = "") -> String {
        """
        kind: export_audiences
        authorization: simulator
        audiences: [\(audiences.joined(separator: ", "))]
        object: Lead
        match_field: Email
        required_fields:
          last_name: LastName
          company: Company
        extra_fields:
          email: Email
        batch_size: \(batchSize)
        api: rest
        \(extra)
        """
    }
}
