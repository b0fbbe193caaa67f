import ArgumentParser
import Foundation
import SalesforceSimulator

/// `sfconnect simulator`: runs the local Salesforce simulator until interrupted.
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator",
        abstract: "Run a local Salesforce API simulator and print its URL and ready-to-use credentials.",
        discussion: """
        Serves the OAuth token endpoint (password, refresh token, JWT bearer), the versions list, \
        /limits, describe, query/queryAll, record reads and the admin endpoints on 127.0.0.1 for a \
        synthetic org (sizes and seed below) until you press Ctrl-C. The credentials it \
        prints are generated for this run and work only against it.
        """)

    @Option(help: "The port to listen on (0 picks a free one).") var port: Int = 8443
    @Flag(help: "Serve HTTPS with a generated CA; its certificate file is printed as ca_file.") var tls = false
    @Option(name: .customLong("data-dir"), help: "Where to keep the generated key and CA files and the org (org.ndjson: saved on Ctrl-C/SIGTERM, loaded at start; default: a new temporary folder, not saved).")
    var dataDir: String?
    @Option(name: .customLong("daily-limit"), help: "The org's daily API request limit.") var dailyLimit: Int = 100_000
    @Option(name: .customLong("token-lifetime"), help: "Seconds an access token stays valid.") var tokenLifetime: Int = 7200
    @Option(help: "Seed of the synthetic org (same seed and sizes, same records).") var seed: UInt64 = 1
    @Option(help: "Synthetic leads to create.") var leads: Int = 500
    @Option(help: "Synthetic contacts to create.") var contacts: Int = 300
    @Option(help: "Synthetic accounts to create.") var accounts: Int = 100
    @Option(help: "Synthetic opportunities to create.") var opportunities: Int = 150
    @Option(help: "Synthetic campaigns to create.") var campaigns: Int = 3
    @Option(help: "A JSON schema file with custom fields and objects (format: README, Simulator).") var schema: String?
    @Flag(inversion: .prefixedNo, help: "Enable State and Country/Territory Picklists (*StateCode/*CountryCode fields).")
    var stateCountryPicklists = true
    @Flag(name: .customLong("no-lead-record-types"), help: "Give Lead no record types (no RecordTypeId field).")
    var noLeadRecordTypes = false
    @Option(name: .customLong("latency-ms"), help: "Milliseconds added before every answer (0-600000; fault injection).")
    var latencyMs: Int = 0
    @Option(name: .customLong("unavailable-rate"), help: "Share of requests answered 503 SERVER_UNAVAILABLE (0-1).")
    var unavailableRate: Double = 0
    @Option(name: .customLong("reset-rate"), help: "Share of requests whose connection is cut after the headers (0-1).")
    var resetRate: Double = 0
    @Option(name: .customLong("lock-rate"), help: "Share of record writes failing with UNABLE_TO_LOCK_ROW (0-1).")
    var lockRate: Double = 0
    @Option(name: .customLong("query-timeout-rate"), help: "Share of queries answered 400 QUERY_TIMEOUT (0-1).")
    var queryTimeoutRate: Double = 0

    /// The fault flags as the simulator's settings (the admin endpoint `/__admin/faults` replaces them).
    var faults: SimulatorFaultSettings {
        SimulatorFaultSettings(latencyMs: latencyMs, serverUnavailableRate: unavailableRate, connectionResetRate: resetRate,
                               unableToLockRowRate: lockRate, queryTimeoutRate: queryTimeoutRate)
    }

    /// `\nfaults: …` when a fault flag is set, else nothing.
    var faultLine: String {
        guard faults != SimulatorFaultSettings() else { return "" }
        return "\nfaults: latency_ms=\(latencyMs) unavailable_rate=\(unavailableRate) reset_rate=\(resetRate) "
            + "lock_rate=\(lockRate) query_timeout_rate=\(queryTimeoutRate)"
    }

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard dailyLimit > 0 else { throw ValidationError("--daily-limit must be at least 1.") }
        guard tokenLifetime > 0 else { throw ValidationError("--token-lifetime must be at least 1 second.") }
        for (name, n) in [("leads", leads), ("contacts", contacts), ("accounts", accounts),
                          ("opportunities", opportunities), ("campaigns", campaigns)] where n < 0 {
            throw ValidationError("--\(name) must be 0 or more.")
        }
        guard SimulatorFaultSettings.isLatency(latencyMs) else {
            throw ValidationError("--latency-ms must be between 0 and \(SimulatorFaultSettings.maxLatencyMs) milliseconds.")
        }
        for (name, rate) in [("unavailable-rate", unavailableRate), ("reset-rate", resetRate), ("lock-rate", lockRate),
                             ("query-timeout-rate", queryTimeoutRate)] where !SimulatorFaultSettings.isRate(rate) {
            throw ValidationError("--\(name) must be a share between 0 and 1 (0.1 fails one request in ten); got \(rate).")
        }
    }

    func run() async throws {
        let org = OrgSetup(
            options: OrgOptions(stateCountryPicklists: stateCountryPicklists,
                                leadRecordTypes: noLeadRecordTypes ? [] : ["Standard", "Partner"]),
            schemaFile: schema, seed: seed,
            sizes: OrgSizes(leads: leads, contacts: contacts, accounts: accounts, opportunities: opportunities,
                            campaigns: campaigns))
        var config = SimulatorConfiguration(port: port, tls: tls, dataDir: dataDir,
                                            tokenLifetime: TimeInterval(tokenLifetime), dailyLimit: dailyLimit, org: org)
        config.faults = faults
        let sim = try await SalesforceSimulatorServer.start(config)
        // Installed before `ready` is printed, so a supervisor's SIGTERM always saves.
        let waiter = Task { while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) } }
        let (armed, armedCont) = AsyncStream<Void>.makeStream()
        let signals = StopSignals(armed: { armedCont.yield() }) { waiter.cancel() }
        defer { signals.cancel() }
        var pending = 2  // SIGINT and SIGTERM
        for await _ in armed { pending -= 1; if pending == 0 { break } }
        let c = sim.credentials
        let text = """
        base_url: \(sim.baseURL)
        ca_file: \(sim.caFile ?? "none (plain HTTP)")
        records: \(["Lead", "Contact", "Account", "Opportunity", "Campaign"].map { "\($0)=\(sim.store.count($0) ?? 0)" }.joined(separator: " "))
        org_id: \(c.orgId)\(faultLine)
        jwt:
          consumer_key: \(c.clientId)
          username: \(c.username)
          private_key_file: \(c.jwtPrivateKeyFile)
        oauth2_password:
          client_id: \(c.clientId)
          client_secret: \(c.clientSecret)
          username: \(c.username)
          password: \(c.password)
          security_token: \(c.securityToken)
        oauth2_refresh_token:
          client_id: \(c.clientId)
          client_secret: \(c.clientSecret)
          refresh_token: \(c.refreshToken)
        ready

        """
        // Written unbuffered, so a supervising process sees it at once.
        FileHandle.standardOutput.write(Data(text.utf8))
        // Ctrl-C or SIGTERM stops the server; with --data-dir the org is saved there first.
        await waiter.value
        if let error = await sim.stop() {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode.failure
        }
        if dataDir != nil { FileHandle.standardOutput.write(Data("saved: \(OrgSnapshot.path(in: sim.dataDir))\n".utf8)) }
    }
}
