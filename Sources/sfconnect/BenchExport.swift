import ArgumentParser
import ConnectorCore
import ExportEngine
import Foundation
import SalesforceConnector
import SalesforceSimulator

/// `sfconnect bench export [--profiles N] [--api auto|rest|bulk] [--changes N] [--rate N]`
struct BenchExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export N audience members to an in-process simulator's Lead (backfill), then stream title changes; print API calls, records/s and change latency.")

    @Option(help: "How many profiles (all members of one audience) to back-fill.") var profiles: Int = 100_000
    @Option(help: "The write API: auto (Bulk above 2,000 pending), rest (sObject Collections) or bulk.") var api: String = "auto"
    @Option(help: "Real-time changes after the backfill (0 skips that phase).") var changes: Int = 200
    @Option(help: "Real-time changes written per second.") var rate: Double = 20

    func validate() throws {
        guard profiles > 0 else { throw ValidationError("--profiles must be at least 1.") }
        guard APIMode(rawValue: api) != nil else { throw ValidationError("--api must be auto, rest or bulk.") }
        guard changes >= 0 else { throw ValidationError("--changes must be 0 or more.") }
        guard rate > 0 else { throw ValidationError("--rate must be more than 0.") }
    }

    func run() async throws {
        let sim = try await SalesforceSimulatorServer.start(SimulatorConfiguration())
        let c = sim.credentials
        let login = ImportBenchmark.Login(loginURL: sim.baseURL, clientID: c.clientId, clientSecret: c.clientSecret,
                                          username: c.username, password: c.password, securityToken: c.securityToken)
        let options = ExportBenchmark.Options(profiles: profiles, api: APIMode(rawValue: api) ?? .auto,
                                              changes: changes, changesPerSecond: rate)
        do {
            let r = try await ExportBenchmarkRun.run(login: login, options: options)
            await sim.stop()
            print(r.lines.joined(separator: "\n"))
            print("simulator_leads: \(sim.store.count("Lead") ?? 0)")
        } catch {
            await sim.stop()
            throw error
        }
    }
}
