import ConnectorCore
import Foundation
import HTTPTransport

/// One way of getting an access token from the token endpoint. Each call is one request.
public protocol TokenFlow: Sendable {
    /// Requests a new access token.
    /// - Throws: ``AuthError``.
    func fetch() async throws -> TokenGrant
}

/// Builds the flow an ``Authorization`` asks for.
public enum TokenFlows {
    /// The flow for `authorization`, talking to its login URL through `transport`.
    /// - Parameter refreshTokens: where a rotated refresh token is kept (refresh-token method).
    /// - Throws: ``AuthError`` for a JWT private key that cannot be read or used.
    public static func make(for authorization: Authorization, transport: any HTTPTransporting,
                            clock: any WallClock, refreshTokens: any RefreshTokenStore) throws -> any TokenFlow {
        let endpoint = TokenEndpoint(loginURL: authorization.loginURL, transport: transport)
        switch authorization.method {
        case .password(let p):
            return PasswordFlow(credentials: p, endpoint: endpoint, clock: clock,
                                context: OAuthFailureContext(method: authorization.method.name, loginURL: authorization.loginURL,
                                                             username: p.username, hasSecurityToken: !p.securityToken.isEmpty))
        case .refreshToken(let r):
            return RefreshTokenFlow(credentials: r, endpoint: endpoint, clock: clock, store: refreshTokens,
                                    context: OAuthFailureContext(method: authorization.method.name, loginURL: authorization.loginURL))
        case .jwt(let j):
            let signer: RS256Signer
            switch j.privateKey {
            case .file(let path): signer = try RS256Signer(pemFile: path, passphrase: j.passphrase)
            case .pem(let pem): signer = try RS256Signer(pem: pem.reveal(), passphrase: j.passphrase)
            }
            let audience = j.audience ?? JWTAudience.audience(loginURL: authorization.loginURL, sandbox: authorization.isSandbox)
            let assertion = JWTAssertion(consumerKey: j.consumerKey, username: j.username, audience: audience)
            return JWTBearerFlow(assertion: assertion, signer: signer, endpoint: endpoint, clock: clock,
                                 context: OAuthFailureContext(method: authorization.method.name, loginURL: authorization.loginURL,
                                                              username: j.username, audience: audience))
        }
    }
}

/// `grant_type=password`: the password followed by the security token (§1.1).
struct PasswordFlow: TokenFlow {
    let credentials: Authorization.UsernamePassword
    let endpoint: TokenEndpoint
    let clock: any WallClock
    let context: OAuthFailureContext

    func fetch() async throws -> TokenGrant {
        let password = credentials.password.reveal() + credentials.securityToken.reveal()
        return try await endpoint.request([("grant_type", "password"), ("client_id", credentials.clientID),
                                           ("client_secret", credentials.clientSecret.reveal()),
                                           ("username", credentials.username), ("password", password)],
                                          context: context, now: clock.now())
    }
}

/// `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer` with a fresh RS256 assertion
/// (exp = now + at most 180 s from the injected clock) per request (§1.3).
struct JWTBearerFlow: TokenFlow {
    static let grantType = "urn:ietf:params:oauth:grant-type:jwt-bearer"
    let assertion: JWTAssertion
    let signer: RS256Signer
    let endpoint: TokenEndpoint
    let clock: any WallClock
    let context: OAuthFailureContext

    func fetch() async throws -> TokenGrant {
        let now = clock.now()
        let jwt = try assertion.build(now: now, signer: signer)
        return try await endpoint.request([("grant_type", Self.grantType), ("assertion", jwt)], context: context, now: now)
    }
}
