import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceAPI
import SalesforceSimulator

/// Logs in to the simulator once with the password grant.
actor PasswordTokens: AccessTokenProviding {
    let sim: RunningSimulator
    let transport: any HTTPTransporting
    private var current: AccessToken?

    init(_ sim: RunningSimulator, transport: any HTTPTransporting) {
        self.sim = sim
        self.transport = transport
    }

    func token() async throws -> AccessToken {
        if let current { return current }
        let c = sim.credentials
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let form = [("grant_type", "password"), ("client_id", c.clientId), ("client_secret", c.clientSecret),
                    ("username", c.username), ("password", c.passwordWithToken)]
            .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }
            .joined(separator: "&")
        let response = try await transport.send(HTTPRequest(
            method: "POST", url: sim.baseURL + "/services/oauth2/token",
            headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(form.utf8)))
        struct Body: Decodable { var access_token: String; var instance_url: String }
        let body = try JSONDecoder().decode(Body.self, from: response.body)
        let token = AccessToken(token: Secret(body.access_token), instanceURL: body.instance_url, issuedAt: Date())
        current = token
        return token
    }

    func refresh(after rejected: AccessToken) async throws -> AccessToken {
        current = nil
        return try await token()
    }
}

/// Runs `body` with a real client against a fresh HTTPS simulator on loopback.
func withSimulatorClient<T>(org: OrgSetup = .init(),
                            _ body: (SalesforceClient, RunningSimulator, CurlTransport) async throws -> T)
    async throws -> T {
    let sim = try await SalesforceSimulatorServer.start(SimulatorConfiguration(tls: true, org: org), providers: [])
    let transport = CurlTransport(configuration: TransportConfiguration(caFile: sim.caFile))
    let client = SalesforceClient(transport: transport, tokens: PasswordTokens(sim, transport: transport),
                                  gate: UnmeteredGate(),
                                  purpose: CallPurpose(job: "export-leads", priority: .backfill))
    defer { transport.closeIdleConnections() }
    do {
        let result = try await body(client, sim, transport)
        await sim.stop()
        return result
    } catch {
        await sim.stop()
        throw error
    }
}
