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
        /limits and the admin endpoints on 127.0.0.1 until you press Ctrl-C. The credentials it \
        prints are generated for this run and work only against it.
        """)

    @Option(help: "The port to listen on (0 picks a free one).") var port: Int = 8443
    @Flag(help: "Serve HTTPS with a generated CA; its certificate file is printed as ca_file.") var tls = false
    @Option(name: .customLong("data-dir"), help: "Where to write the generated key and CA files (default: a new temporary folder).")
    var dataDir: String?
    @Option(name: .customLong("daily-limit"), help: "The org's daily API request limit.") var dailyLimit: Int = 100_000
    @Option(name: .customLong("token-lifetime"), help: "Seconds an access token stays valid.") var tokenLifetime: Int = 7200

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard dailyLimit > 0 else { throw ValidationError("--daily-limit must be at least 1.") }
        guard tokenLifetime > 0 else { throw ValidationError("--token-lifetime must be at least 1 second.") }
    }

    func run() async throws {
        let config = SimulatorConfiguration(port: port, tls: tls, dataDir: dataDir,
                                            tokenLifetime: TimeInterval(tokenLifetime), dailyLimit: dailyLimit)
        let sim = try await SalesforceSimulatorServer.start(config)
        let c = sim.credentials
        let text = """
        base_url: \(sim.baseURL)
        ca_file: \(sim.caFile ?? "none (plain HTTP)")
        org_id: \(c.orgId)
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
        while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
        await sim.stop()
    }
}
