import ArgumentParser
import Foundation
import ImportEngine
import SalesforceConnector
import SalesforceSimulator

/// `sfconnect bench import --leads N [--api auto|rest|bulk]`
struct BenchImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Seed an in-process simulator with N leads, import them into a temporary store, print records/s, API calls and peak memory.")

    @Option(help: "How many leads to seed and import.") var leads: Int = 100_000
    @Option(help: "The query API: auto, rest or bulk.") var api: String = "auto"
    @Option(help: "The folder of default mappings.") var mappings = "mappings"
    @Flag(name: .customLong("simulator-process"),
          help: "Run the simulator as a child process (its synthetic org), so the memory printed is the importer's alone.")
    var simulatorProcess = false

    func validate() throws {
        guard leads > 0 else { throw ValidationError("--leads must be at least 1.") }
        guard APISetting(rawValue: api) != nil else { throw ValidationError("--api must be auto, rest or bulk.") }
    }

    func run() async throws {
        if simulatorProcess { return try await runAgainstChild() }
        let sim = try await SalesforceSimulatorServer.start(SimulatorConfiguration())
        try Self.seed(sim.store, leads: leads)
        let c = sim.credentials
        let login = ImportBenchmark.Login(loginURL: sim.baseURL, clientID: c.clientId, clientSecret: c.clientSecret,
                                          username: c.username, password: c.password, securityToken: c.securityToken)
        do {
            let r = try await ImportBenchmark.run(login: login, api: APISetting(rawValue: api) ?? .auto, mappingsDirectory: mappings)
            await sim.stop()
            print("seeded_leads: \(leads)")
            print(r.lines.joined(separator: "\n"))
        } catch {
            await sim.stop()
            throw error
        }
    }

    /// The simulator in a process of its own (leads only); this process holds just the importer.
    func runAgainstChild() async throws {
        let sim = try await SimulatorChild.start(arguments: ["--leads", "\(leads)", "--contacts", "0", "--accounts", "0",
                                                             "--opportunities", "0", "--campaigns", "0",
                                                             "--daily-limit", "50000000"])
        let c = sim.credentials
        let login = ImportBenchmark.Login(loginURL: sim.baseURL, clientID: c["oauth2_password.client_id"] ?? "",
                                          clientSecret: c["oauth2_password.client_secret"] ?? "",
                                          username: c["oauth2_password.username"] ?? "", password: c["oauth2_password.password"] ?? "",
                                          securityToken: c["oauth2_password.security_token"] ?? "")
        do {
            let r = try await ImportBenchmark.run(login: login, api: APISetting(rawValue: api) ?? .auto, mappingsDirectory: mappings)
            let simPeak = sim.peakMemoryMB
            await sim.stop()
            print("seeded_leads: \(leads)")
            print("simulator: separate process")
            print(r.lines.joined(separator: "\n"))
            print("simulator_process_peak_mb: " + (simPeak.map { String(format: "%.1f", $0) } ?? "unknown"))
        } catch {
            await sim.stop()
            throw error
        }
    }

    /// Inserts `leads` leads in writes of 5,000 (each write shares one SystemModstamp, one
    /// second apart, ending two minutes ago so the run's lag does not hold them back).
    static func seed(_ store: OrgStore, leads: Int) throws {
        let batches = (leads + 4999) / 5000
        let first = Date().addingTimeInterval(-120 - Double(batches))
        for b in 0..<batches {
            try store.write(stamp: first.addingTimeInterval(Double(b))) { batch throws(SimulatorError) in
                for i in (b * 5000)..<min(leads, (b + 1) * 5000) {
                    try batch.insert("Lead", ["LastName": .string("Lead \(i)"), "Company": .string("Company \(i % 977)"),
                                              "Email": .string("lead\(i)@example\(i % 101).com"), "FirstName": .string("F\(i)"),
                                              "NumberOfEmployees": .int(i % 5000), "Phone": .string("+1 555 \(i)")])
                }
            }
        }
    }
}
