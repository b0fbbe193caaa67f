import ConnectorCore
import Foundation
import HTTPTransport

/// What a successful token request returned.
public struct TokenGrant: Sendable {
    public var accessToken: AccessToken
    /// A new refresh token, when the endpoint rotated it.
    public var refreshToken: Secret?
    public var scope: String?
}

/// `POST {login_url}/services/oauth2/token` with a form body, JSON answers (§1).
///
/// No body of the token endpoint, request or response, is ever logged or put into an error:
/// errors carry the OAuth error code and a sentence from ``OAuthErrorTable``.
public struct TokenEndpoint: Sendable {
    public let tokenURL: String
    let transport: any HTTPTransporting

    public init(loginURL: String, transport: any HTTPTransporting) {
        var base = loginURL
        while base.hasSuffix("/") { base.removeLast() }
        tokenURL = base + "/services/oauth2/token"
        self.transport = transport
    }

    private struct Success: Decodable {
        var access_token: String?
        var instance_url: String?
        var id: String?
        var refresh_token: String?
        var scope: String?
    }

    private struct Failure: Decodable {
        var error: String?
        var error_description: String?
    }

    /// Sends the grant `fields` and returns the token.
    /// - Throws: ``AuthError``: a mapped OAuth error, `tokenEndpointUnreachable`,
    ///   `tokenEndpointFailed` (HTTP error without an OAuth body) or `badTokenResponse`.
    public func request(_ fields: [(String, String)], context: OAuthFailureContext, now: Date) async throws -> TokenGrant {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/x-www-form-urlencoded")
        headers.set("Accept", "application/json")
        let request = HTTPRequest(method: "POST", url: tokenURL, headers: headers, body: FormBody.encode(fields), timeout: 60)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch let error as TransportError {
            throw AuthError(.tokenEndpointUnreachable, error.sentence, reason: error.detail)
        }
        let decoder = JSONDecoder()
        guard response.status == 200 else {
            if let failure = try? decoder.decode(Failure.self, from: response.body), let code = failure.error {
                throw OAuthErrorTable.error(code: code, description: failure.error_description,
                                            status: response.status, context: context)
            }
            let retry = response.status >= 500 ? " Salesforce may be down or in maintenance, so retry later." : ""
            throw AuthError(.tokenEndpointFailed,
                            "The token endpoint \(tokenURL) answered HTTP \(response.status) without an OAuth error; check that login_url is a Salesforce login URL.\(retry)",
                            code: "HTTP \(response.status)")
        }
        guard let ok = try? decoder.decode(Success.self, from: response.body),
              let token = ok.access_token, !token.isEmpty, let instance = ok.instance_url, !instance.isEmpty else {
            throw AuthError(.badTokenResponse,
                            "The token endpoint \(tokenURL) answered without an access token and instance URL; check that login_url points at Salesforce's login host (or your My Domain).")
        }
        var instanceURL = instance
        while instanceURL.hasSuffix("/") { instanceURL.removeLast() }
        let access = AccessToken(token: Secret(token), instanceURL: instanceURL, identityURL: ok.id, issuedAt: now)
        return TokenGrant(accessToken: access, refreshToken: ok.refresh_token.map(Secret.init), scope: ok.scope)
    }
}
