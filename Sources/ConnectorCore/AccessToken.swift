import Foundation

/// A Salesforce session: the bearer token and where to send calls with it.
public struct AccessToken: Sendable, Hashable {
    public var token: Secret
    /// `instance_url` from the token response, e.g. `https://acme.my.salesforce.com`.
    public var instanceURL: String
    /// The identity URL `https://{login-host}/id/{orgId}/{userId}`.
    public var identityURL: String?
    public var issuedAt: Date

    public init(token: Secret, instanceURL: String, identityURL: String? = nil, issuedAt: Date) {
        self.token = token
        self.instanceURL = instanceURL
        self.identityURL = identityURL
        self.issuedAt = issuedAt
    }

    /// The org id (15 or 18 chars) from the identity URL, when present.
    public var orgId: String? { identityPart(at: 0) }
    /// The user id from the identity URL, when present.
    public var userId: String? { identityPart(at: 1) }

    private func identityPart(at index: Int) -> String? {
        guard let id = identityURL, let r = id.range(of: "/id/") else { return nil }
        let parts = id[r.upperBound...].split(separator: "/")
        return parts.count > index ? String(parts[index]) : nil
    }
}

/// Hands out a valid access token, refreshing it single-flight when it is rejected.
public protocol AccessTokenProviding: Sendable {
    /// A cached token, or a new one from the token endpoint.
    func token() async throws -> AccessToken
    /// Called when Salesforce answered `INVALID_SESSION_ID` for `rejected`; returns a fresh
    /// token. Concurrent callers with the same rejected token share one refresh.
    func refresh(after rejected: AccessToken) async throws -> AccessToken
}
