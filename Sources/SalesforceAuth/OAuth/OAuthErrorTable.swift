/// What the error sentences may mention about the login that failed. Holds no secrets.
public struct OAuthFailureContext: Sendable, Hashable {
    /// `jwt`, `oauth2_password` or `oauth2_refresh_token`.
    public var method: String
    public var loginURL: String
    public var username: String?
    /// The JWT `aud` claim that was sent.
    public var audience: String?
    /// For the password flow: whether a security token was configured.
    public var hasSecurityToken: Bool

    public init(method: String, loginURL: String, username: String? = nil, audience: String? = nil,
                hasSecurityToken: Bool = true) {
        self.method = method
        self.loginURL = loginURL
        self.username = username
        self.audience = audience
        self.hasSecurityToken = hasSecurityToken
    }
}

/// Maps the token endpoint's `error` / `error_description` pairs (salesforce-api.md §1.6) to an
/// ``AuthError`` whose sentence says what to fix. Only the documented pairs are quoted back in
/// `code`; any other description is dropped, since the body of a token answer is never echoed.
public enum OAuthErrorTable {
    static let documented: Set<String> = [
        "authentication failure", "expired access/refresh token", "user hasn't approved this consumer",
        "audience is invalid", "audience validation failed", "expired authorization code",
        "request not supported on this domain", "invalid assertion", "client identifier invalid",
        "invalid client credentials", "grant type not supported", "ip/user rate limit exceeded",
    ]

    public static func error(code: String, description: String?, status: Int, context c: OAuthFailureContext) -> AuthError {
        let said = description?.lowercased() ?? ""
        let quoted = safe(code) + (documented.contains(said) ? ": \(said)" : "")
        func make(_ kind: AuthError.Kind, _ sentence: String) -> AuthError {
            AuthError(kind, sentence, reason: "HTTP \(status) from \(c.loginURL)/services/oauth2/token", code: quoted)
        }
        let user = c.username.map { "'\($0)'" } ?? "the user"
        switch code {
        case "invalid_grant":
            switch said {
            case "authentication failure": return authenticationFailure(c, make)
            case "expired access/refresh token":
                return make(.refreshTokenRevoked,
                            "The refresh token was revoked or has expired; authorize the connected app again (web-server flow) and put the new refresh_token in the authorization.")
            case "user hasn't approved this consumer":
                return make(.userNotPreAuthorized,
                            "The user \(user) is not pre-authorized for the connected app; in Setup > App Manager > the app > Manage > Edit Policies set Permitted Users to 'Admin approved users are pre-authorized', then add the user's profile or a permission set that includes it (and check that username names an existing user).")
            case "audience is invalid", "audience validation failed":
                return make(.audienceInvalid,
                            "Salesforce rejected the JWT audience \(c.audience ?? "sent"); use https://login.salesforce.com for production and https://test.salesforce.com for a sandbox (set sandbox: true), even when login_url is a My Domain URL.")
            case "expired authorization code":
                return make(.assertionExpired,
                            "Salesforce found the JWT assertion already expired; this machine's clock is probably off (exp must be within 3 minutes of Salesforce's time), so synchronize it with NTP and retry.")
            case "invalid assertion":
                return make(.assertionInvalid,
                            "Salesforce could not verify the JWT assertion; check that the certificate uploaded to the connected app belongs to this private key, and that this machine's clock is correct.")
            case "request not supported on this domain":
                return make(.domainNotSupported,
                            "This login is not supported on \(c.loginURL); set login_url to the org's My Domain URL (https://NAME.my.salesforce.com).")
            default:
                return make(.invalidGrant,
                            "Salesforce refused the grant for \(user); check the credentials in the authorization and that the user is active and allowed to use the connected app.")
            }
        case "invalid_client_id":
            return make(.unknownConsumerKey,
                        "The consumer key (client id) is not known to the org behind \(c.loginURL); copy the connected app's Consumer Key exactly, wait up to 10 minutes after creating the app, and set sandbox: true for a sandbox org.")
        case "invalid_client":
            return make(.invalidClient,
                        "The client secret does not match the connected app; copy its Consumer Secret again (Setup > App Manager > the app > View > Manage Consumer Details).")
        case "unsupported_grant_type":
            return make(.unsupportedGrantType,
                        "The org does not allow the \(c.method) flow; enable it for the connected app (for the password flow: Setup > OAuth and OpenID Connect Settings > Allow OAuth Username-Password Flows).")
        case "invalid_request":
            return make(.invalidRequest,
                        "The token endpoint said the login request is incomplete; check that every key of method \(c.method) is set in the authorization.")
        case "inactive_user":
            return make(.inactiveUser, "The user \(user) is inactive or frozen; reactivate it in Setup > Users or use another integration user.")
        case "inactive_org":
            return make(.inactiveOrg, "The org behind \(c.loginURL) is inactive or locked; check its status with your Salesforce administrator.")
        case "rate_limit_exceeded":
            return make(.loginRateLimited,
                        "Salesforce is refusing logins for \(user) after too many in the last hour (3,600 per user); wait, and reuse tokens instead of logging in per request.")
        default:
            return make(.tokenEndpointFailed,
                        "Salesforce refused the login with OAuth error '\(safe(code))'; check the authorization's credentials and login_url.")
        }
    }

    private static func authenticationFailure(_ c: OAuthFailureContext,
                                              _ make: (AuthError.Kind, String) -> AuthError) -> AuthError {
        guard c.method == "oauth2_password" else {
            return make(.authenticationFailed,
                        "Salesforce refused the credentials (authentication failure); check the authorization's keys and that the user is active.")
        }
        if !c.hasSecurityToken {
            return make(.authenticationFailed,
                        "Salesforce refused the username and password, and no security_token is configured; add the user's security token (Settings > Reset My Security Token) unless this IP is in the org's trusted ranges, and check the password.")
        }
        return make(.authenticationFailed,
                    "Salesforce refused the username, password or security token; check the password and that security_token is the user's current token (it changes when the password is reset), and that the org allows the username-password flow from this IP.")
    }

    /// An OAuth error code reduced to letters, digits and `_` (at most 40), so nothing else from
    /// the body can reach a message.
    public static func safe(_ code: String) -> String {
        String(code.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
            .prefix(40).map(Character.init))
    }
}
