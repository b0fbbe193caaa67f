import ArgumentParser
import ConnectorCore
import Definitions
import Foundation
import Logging
import SalesforceConnector
import SalesforceSimulator
import Store

/// `sfconnect demo [--jobs DIR] [--store PATH]`: runs the example jobs against an in-process
/// simulator with a seeded org and prints what happened. No account, no network.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the example jobs against a seeded in-process simulator and print a report.",
        discussion: """
        Starts the Salesforce simulator on 127.0.0.1 (HTTPS with a generated CA) with a seeded \
        synthetic org, writes a temporary authorization named `simulator`, imports the four \
        standard objects with jobs/import-standard.yaml (after printing its estimate), defines the \
        audiences of jobs/audience-*.yaml, exports them with jobs/export-*.yaml (Lead gains \
        Lytics_Audiences__c), and prints records per stream, profiles, audience sizes, the \
        Salesforce records written (read back from the simulator) and the API calls used (the \
        simulator's own counter). Uses a temporary store unless --store is given.
        """)

    @Option(help: "The folder of example job files.") var jobs = "jobs"
    @Option(help: "The folder of default mappings.") var mappings = "mappings"
    @Option(help: "The store file (default: a new temporary file).") var store: String?
    @Option(help: "Seed of the synthetic org.") var seed: UInt64 = 1
    @Option(help: "Synthetic leads to create.") var leads: Int = 500

    func validate() throws {
        guard leads > 0 else { throw ValidationError("--leads must be at least 1.") }
    }

    func run() async throws {
        let started = Date()
        let cwd = FileManager.default.currentDirectoryPath
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sfconnect-demo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: tmp + "/auth", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        // The admin set-up the export needs: Lead.Lytics_Audiences__c, long text (README, "Salesforce admin set-up").
        try #"{"objects": [{"name": "Lead", "fields": [{"name": "Lytics_Audiences__c", "type": "textarea", "length": 32768}]}]}"#
            .write(toFile: tmp + "/schema.json", atomically: true, encoding: .utf8)
        let org = OrgSetup(schemaFile: tmp + "/schema.json", seed: seed, sizes: OrgSizes(leads: leads, contacts: 300, accounts: 100, opportunities: 150, campaigns: 3))
        let sim = try await SalesforceSimulatorServer.start(SimulatorConfiguration(tls: true, dataDir: tmp + "/sim", org: org))
        do {
            let context = try DemoContext(sim: sim, tmp: tmp, cwd: cwd, jobs: jobs, mappings: mappings,
                                          storePath: store ?? tmp + "/store.sqlite")
            var report = DemoReport()
            for step in DemoStep.ordered { try await step.run(context, &report) }
            report.apiCallsUsed = sim.apiCallsUsed()
            await sim.stop()
            print(report.text(seconds: Date().timeIntervalSince(started)))
        } catch {
            await sim.stop()
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// What every demo step needs: the simulator, the environment with its credentials, the paths.
struct DemoContext: Sendable {
    var sim: RunningSimulator
    var environment: [String: String]
    var workingDirectory: String
    var jobsDirectory: String
    var mappingsDirectory: String
    var storePath: String

    init(sim: RunningSimulator, tmp: String, cwd: String, jobs: String, mappings: String, storePath: String) throws {
        let c = sim.credentials
        // The authorization names its secrets as ${VARS}; the values live only in this process.
        try """
        method: oauth2_password
        label: Demo simulator org
        login_url: \(sim.baseURL)
        ca_file: \(sim.caFile ?? "")
        client_id: ${SFDEMO_CLIENT_ID}
        client_secret: ${SFDEMO_CLIENT_SECRET}
        username: \(c.username)
        password: ${SFDEMO_PASSWORD}
        security_token: ${SFDEMO_SECURITY_TOKEN}
        """.write(toFile: tmp + "/auth/simulator.yaml", atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        env["SFCONNECT_AUTH_DIR"] = tmp + "/auth"
        env["SFCONNECT_TOKEN_DIR"] = tmp + "/tokens"
        env["SFDEMO_CLIENT_ID"] = c.clientId
        env["SFDEMO_CLIENT_SECRET"] = c.clientSecret
        env["SFDEMO_PASSWORD"] = c.password
        env["SFDEMO_SECURITY_TOKEN"] = c.securityToken
        self.sim = sim
        environment = env
        workingDirectory = cwd
        func absolute(_ p: String) -> String { p.hasPrefix("/") ? p : (cwd as NSString).appendingPathComponent(p) }
        jobsDirectory = absolute(jobs)
        mappingsDirectory = absolute(mappings)
        self.storePath = absolute(storePath)
    }

    /// The job files in the jobs folder whose names start with `prefix`, sorted.
    func jobFiles(prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: jobsDirectory)) ?? []
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".yaml") }.sorted().map { jobsDirectory + "/" + $0 }
    }
}
