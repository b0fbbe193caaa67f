import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceAuth
import SalesforceSimulator

/// A simulator over HTTPS on loopback plus a verifying transport that trusts its CA.
struct SimulatorOrg {
    let sim: RunningSimulator
    let transport: CurlTransport
    var c: SimulatorCredentials { sim.credentials }

    func base(_ method: Authorization.Method) -> Authorization {
        Authorization(method: method, loginURL: sim.baseURL, caFile: sim.caFile)
    }

    func password(password: String? = nil, securityToken: String? = nil, clientSecret: String? = nil) -> Authorization {
        base(.password(.init(clientID: c.clientId, clientSecret: Secret(clientSecret ?? c.clientSecret), username: c.username,
                             password: Secret(password ?? c.password), securityToken: Secret(securityToken ?? c.securityToken))))
    }

    func refresh(token: String? = nil) -> Authorization {
        base(.refreshToken(.init(clientID: c.clientId, clientSecret: Secret(c.clientSecret),
                                 refreshToken: Secret(token ?? c.refreshToken))))
    }

    func jwt(consumerKey: String? = nil, audience: String? = nil, inlineKey: Bool = false) -> Authorization {
        let key: Authorization.PrivateKey = inlineKey ? .pem(Secret(c.jwtPrivateKeyPEM)) : .file(c.jwtPrivateKeyFile)
        return base(.jwt(.init(consumerKey: consumerKey ?? c.clientId, username: c.username, privateKey: key,
                               audience: audience)))
    }

    func provider(_ a: Authorization, clock: any WallClock = SystemWallClock(),
                  store: any RefreshTokenStore = MemoryRefreshTokenStore()) throws -> TokenProvider {
        try TokenProvider(authorization: a, transport: transport, clock: clock, refreshTokens: store)
    }

    /// Calls to the token endpoint so far (the simulator's own counter).
    func tokenCalls() async throws -> Int {
        let r = try await transport.send(HTTPRequest(url: sim.baseURL + "/__admin/calls"))
        let object = try JSONSerialization.jsonObject(with: r.body) as? [String: Any]
        let endpoints = object?["endpoints"] as? [String: Any]
        return (endpoints?["POST /services/oauth2/token"] as? NSNumber)?.intValue ?? 0
    }

    func admin(_ path: String, form: String? = nil) async throws {
        var headers = HTTPHeaders()
        if form != nil { headers.set("Content-Type", "application/x-www-form-urlencoded") }
        let r = try await transport.send(HTTPRequest(method: "POST", url: sim.baseURL + path, headers: headers,
                                                     body: form.map { Data($0.utf8) }))
        guard r.status == 200 else { throw AuthTestFailure.admin(path, r.status) }
    }

    /// The status of `GET /limits` with `token`.
    func limitsStatus(_ token: AccessToken) async throws -> Int {
        var headers = HTTPHeaders()
        headers.set("Authorization", "Bearer " + token.token.reveal())
        return try await transport.send(HTTPRequest(url: token.instanceURL + "/services/data/v62.0/limits", headers: headers)).status
    }

    /// Every secret of the org, for asserting that none leaks into error text.
    var secrets: [String] { [c.password, c.securityToken, c.passwordWithToken, c.clientSecret, c.refreshToken] + pemLines }

    var pemLines: [String] {
        c.jwtPrivateKeyPEM.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("-----") && $0.count >= 16 }
    }
}

enum AuthTestFailure: Error {
    case admin(String, Int)
}

/// Runs `body` against a fresh HTTPS simulator and stops it afterwards.
func withOrg<T>(_ configuration: SimulatorConfiguration = .init(tls: true),
                _ body: (SimulatorOrg) async throws -> T) async throws -> T {
    let sim = try await SalesforceSimulatorServer.start(configuration)
    let org = SimulatorOrg(sim: sim, transport: CurlTransport(configuration: TransportConfiguration(caFile: sim.caFile)))
    // Idle keep-alive connections would hold the simulator's graceful shutdown for seconds.
    func stop() async {
        org.transport.closeIdleConnections()
        await sim.stop()
    }
    do {
        let result = try await body(org)
        await stop()
        return result
    } catch {
        await stop()
        throw error
    }
}

/// The AuthError `body` throws.
func authError(_ body: () async throws -> Any) async -> AuthError? {
    do {
        _ = try await body()
        return nil
    } catch let e as AuthError {
        return e
    } catch {
        return nil
    }
}

/// Every rendering of an error a user or a log could see.
func renderings(_ error: any Error) -> [String] {
    [String(describing: error), String(reflecting: error), error.localizedDescription, "\(error)"]
}
