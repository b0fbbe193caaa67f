import ArgumentParser
import ConnectorCore
import Foundation
import SalesforceConnector
import SalesforceSimulator

/// `sfconnect bench query [--leads N] [--batch-size N]`
struct BenchQuery: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Page N leads from an in-process simulator over HTTPS through the Salesforce client.")

    @Option(help: "How many leads the simulator is seeded with.") var leads: Int = 100_000
    @Option(name: .customLong("batch-size"), help: "Sforce-Query-Options batchSize (200-2000; Salesforce's default 2000).")
    var batchSize: Int?

    func validate() throws {
        guard leads > 0 else { throw ValidationError("--leads must be at least 1.") }
        if let batchSize, !(200...2000).contains(batchSize) {
            throw ValidationError("--batch-size must be between 200 and 2000 (Salesforce clamps it there).")
        }
    }

    func run() async throws {
        let sim = try await SalesforceSimulatorServer.start(SimulatorConfiguration(tls: true, dailyLimit: 5_000_000))
        do {
            let count = leads
            try sim.store.write { (batch: inout OrgWriteBatch) throws(SimulatorError) in
                for i in 0..<count {
                    try batch.insert("Lead", ["FirstName": .string("First\(i)"), "LastName": .string("Last\(i)"),
                                              "Company": .string("Company \(i % 997)"),
                                              "Email": .string("lead\(i)@example.com")])
                }
            }
            let c = sim.credentials
            let authorization = Authorization(
                method: .password(.init(clientID: c.clientId, clientSecret: Secret(c.clientSecret), username: c.username,
                                        password: Secret(c.password), securityToken: Secret(c.securityToken))),
                loginURL: sim.baseURL, caFile: sim.caFile)
            let r = try await QueryBenchmark.run(
                soql: "SELECT Id, FirstName, LastName, Email, Company, SystemModstamp FROM Lead ORDER BY SystemModstamp, Id",
                authorization: authorization, batchSize: batchSize)
            print("records: \(r.records)")
            print("pages: \(r.pages)")
            print("api_calls: \(r.apiCalls)")
            print(String(format: "seconds: %.3f", r.seconds))
            print(String(format: "records_per_second: %.0f", r.recordsPerSecond))
            await sim.stop()
        } catch {
            await sim.stop()
            throw error
        }
    }
}
