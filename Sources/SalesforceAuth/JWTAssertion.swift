import Foundation

/// The JWT bearer assertion of Salesforce's OAuth 2.0 JWT bearer flow
/// (`grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`).
public struct JWTAssertion: Sendable, Equatable {
    /// Salesforce rejects assertions whose `exp` is more than three minutes away.
    public static let maximumLifetime = 180

    /// `iss`: the connected app's consumer key.
    public var consumerKey: String
    /// `sub`: the Salesforce username to act as.
    public var username: String
    /// `aud`: `https://login.salesforce.com`, `https://test.salesforce.com` or the community URL.
    public var audience: String
    /// Seconds from `now` to `exp`; clamped to 1...180.
    public var lifetime: Int

    public init(consumerKey: String, username: String, audience: String, lifetime: Int = maximumLifetime) {
        self.consumerKey = consumerKey
        self.username = username
        self.audience = audience
        self.lifetime = lifetime
    }

    public static let headerJSON = #"{"alg":"RS256","typ":"JWT"}"#

    struct Claims: Encodable {
        let iss: String
        let sub: String
        let aud: String
        let exp: Int
    }

    /// `exp` for an assertion built at `now`: Unix seconds, at most now + 180.
    public func expiry(now: Date) -> Int {
        Int(now.timeIntervalSince1970.rounded(.down)) + min(max(lifetime, 1), Self.maximumLifetime)
    }

    /// The claims as compact JSON with sorted keys; `exp` is a JSON integer.
    public func claimsJSON(now: Date) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(Claims(iss: consumerKey, sub: username, aud: audience, exp: expiry(now: now)))
        } catch {
            throw AuthError(.assertionFailed, "The JWT claims could not be encoded; check the consumer key, username and audience.",
                            reason: String(describing: type(of: error)))
        }
    }

    /// `b64url(header).b64url(claims).b64url(RS256 signature)`.
    public func build(now: Date, signer: RS256Signer) throws -> String {
        let signingInput = Base64URL.encode(Data(Self.headerJSON.utf8)) + "." + Base64URL.encode(try claimsJSON(now: now))
        let signature = try signer.sign(Data(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(signature)
    }
}
