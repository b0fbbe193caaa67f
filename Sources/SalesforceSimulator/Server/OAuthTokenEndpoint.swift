import Crypto
import _CryptoExtras
import Foundation

/// `POST /services/oauth2/token` (§1).
struct OAuthTokenEndpoint: Sendable {
    static let jwtGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer"
    /// Allowed clock skew on top of the 3-minute `exp` window.
    static let skew: TimeInterval = 10

    let credentials: SimulatorCredentials
    let state: SimulatorState
    let configuration: SimulatorConfiguration
    let baseURL: String

    func handle(_ request: SimulatorRequest) -> SimulatorResponse {
        var form = request.query
        form.merge(request.formFields) { _, body in body }
        if let auth = request.headers["authorization"], auth.hasPrefix("Basic "),
           let decoded = Data(base64Encoded: String(auth.dropFirst(6))),
           let pair = String(data: decoded, encoding: .utf8), let colon = pair.firstIndex(of: ":") {
            form["client_id"] = form["client_id"] ?? String(pair[..<colon])
            form["client_secret"] = form["client_secret"] ?? String(pair[pair.index(after: colon)...])
        }
        guard let grant = form["grant_type"], !grant.isEmpty else {
            return .oauthError("invalid_request", "grant type not specified")
        }
        switch grant {
        case "password": return password(form)
        case "refresh_token": return refresh(form)
        case Self.jwtGrant: return jwt(form)
        default: return .oauthError("unsupported_grant_type", "grant type not supported")
        }
    }

    private func password(_ form: [String: String]) -> SimulatorResponse {
        guard let clientId = form["client_id"], let secret = form["client_secret"],
              let username = form["username"], let password = form["password"] else {
            return .oauthError("invalid_request", "missing required parameter")
        }
        guard clientId == credentials.clientId else {
            return .oauthError("invalid_client_id", "client identifier invalid")
        }
        guard secret == credentials.clientSecret else {
            return .oauthError("invalid_client", "invalid client credentials")
        }
        guard username == credentials.username, password == credentials.passwordWithToken else {
            return .oauthError("invalid_grant", "authentication failure")
        }
        return success(signed: true, scope: "api", refreshToken: nil)
    }

    private func refresh(_ form: [String: String]) -> SimulatorResponse {
        guard let token = form["refresh_token"], let clientId = form["client_id"] else {
            return .oauthError("invalid_request", "missing required parameter")
        }
        guard clientId == credentials.clientId else {
            return .oauthError("invalid_client_id", "client identifier invalid")
        }
        if let secret = form["client_secret"], secret != credentials.clientSecret {
            return .oauthError("invalid_client", "invalid client credentials")
        }
        guard state.isValidRefreshToken(token) else {
            return .oauthError("invalid_grant", "expired access/refresh token")
        }
        var newRefresh: String?
        if configuration.refreshTokenRotation {
            let next = "5Aep" + SalesforceID.randomToken(length: 80)
            state.addRefreshToken(next)
            state.revokeRefreshToken(token)
            newRefresh = next
        }
        return success(signed: true, scope: "api refresh_token", refreshToken: newRefresh)
    }

    private func jwt(_ form: [String: String]) -> SimulatorResponse {
        guard let assertion = form["assertion"], !assertion.isEmpty else {
            return .oauthError("invalid_request", "assertion missing")
        }
        let invalid = SimulatorResponse.oauthError("invalid_grant", "invalid assertion")
        let parts = assertion.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
              let headerData = Base64URL.decode(parts[0]),
              let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any],
              header["alg"] as? String == "RS256",
              let claimsData = Base64URL.decode(parts[1]),
              let claims = try? JSONSerialization.jsonObject(with: claimsData) as? [String: Any],
              let sigData = Base64URL.decode(parts[2]) else { return invalid }
        let input = Data("\(parts[0]).\(parts[1])".utf8)
        let signature = _RSA.Signing.RSASignature(rawRepresentation: sigData)
        guard credentials.jwtPublicKey.isValidSignature(signature, for: SHA256.hash(data: input),
                                                        padding: .insecurePKCS1v1_5) else { return invalid }
        guard claims["iss"] as? String == credentials.clientId else {
            return .oauthError("invalid_client_id", "client identifier invalid")
        }
        let allowedAudiences = ["https://login.salesforce.com", "https://test.salesforce.com", baseURL]
        let aud = (claims["aud"] as? String).map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        guard let aud, allowedAudiences.contains(aud) else {
            return .oauthError("invalid_grant", "audience is invalid")
        }
        guard let exp = (claims["exp"] as? NSNumber)?.doubleValue else { return invalid }
        let now = configuration.now().timeIntervalSince1970
        if exp < now { return .oauthError("invalid_grant", "expired authorization code") }
        if exp > now + 180 + Self.skew { return invalid }
        guard let sub = claims["sub"] as? String, sub == credentials.username, state.isPreAuthorized(sub) else {
            return .oauthError("invalid_grant", "user hasn't approved this consumer")
        }
        return success(signed: false, scope: "api", refreshToken: nil)
    }

    private func success(signed: Bool, scope: String, refreshToken: String?) -> SimulatorResponse {
        let now = configuration.now()
        let token = credentials.orgId15 + "!" + SalesforceID.randomToken(length: 96)
        state.addSession(token, expires: now.addingTimeInterval(configuration.tokenLifetime))
        let id = "\(baseURL)/id/\(credentials.orgId)/\(credentials.userId)"
        var body: [String: Any] = ["access_token": token, "instance_url": baseURL, "id": id,
                                   "token_type": "Bearer", "scope": scope]
        let issuedAt = String(Int64((now.timeIntervalSince1970 * 1000).rounded(.down)))
        body["issued_at"] = issuedAt
        if signed {
            let mac = HMAC<SHA256>.authenticationCode(for: Data((id + issuedAt).utf8),
                                                      using: SymmetricKey(data: Data(credentials.clientSecret.utf8)))
            body["signature"] = Data(mac).base64EncodedString()
        }
        if let refreshToken { body["refresh_token"] = refreshToken }
        return .json(200, body)
    }
}
