import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceSimulator

/// A test token provider: logs in to the simulator with the password grant, caches the token,
/// and refreshes single-flight (concurrent callers with the same rejected token share one login).
actor SimulatorTokens: AccessTokenProviding {
    let sim: RunningSimulator
    let transport: any HTTPTransporting
    private var current: AccessToken?
    private var inFlight: Task<AccessToken, any Error>?
    private(set) var logins = 0
    private(set) var refreshes = 0

    init(_ sim: RunningSimulator, transport: any HTTPTransporting) {
        self.sim = sim
        self.transport = transport
    }

    func token() async throws -> AccessToken {
        if let current { return current }
        return try await login()
    }

    func refresh(after rejected: AccessToken) async throws -> AccessToken {
        if let current, current.token != rejected.token { return current }
        refreshes += 1
        return try await login()
    }

    private func login() async throws -> AccessToken {
        if let inFlight { return try await inFlight.value }
        let task = Task { try await Self.passwordGrant(sim, transport) }
        inFlight = task
        defer { inFlight = nil }
        let token = try await task.value
        logins += 1
        current = token
        return token
    }

    static func passwordGrant(_ sim: RunningSimulator, _ transport: any HTTPTransporting) async throws -> AccessToken {
        let c = sim.credentials
        let form = [("grant_type", "password"), ("client_id", c.clientId), ("client_secret", c.clientSecret),
                    ("username", c.username), ("password", c.passwordWithToken)]
            .map { "\($0.0)=\(formEncode($0.1))" }.joined(separator: "&")
        let response = try await transport.send(HTTPRequest(
            method: "POST", url: sim.baseURL + "/services/oauth2/token",
            headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(form.utf8)))
        struct Body: Decodable { var access_token: String; var instance_url: String; var id: String? }
        let body = try JSONDecoder().decode(Body.self, from: response.body)
        return AccessToken(token: Secret(body.access_token), instanceURL: body.instance_url, identityURL: body.id,
                           issuedAt: Date())
    }

    static func formEncode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
