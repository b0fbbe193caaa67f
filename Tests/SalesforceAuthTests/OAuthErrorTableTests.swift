import SalesforceAuth
import Testing

@Suite("OAuth error table")
struct OAuthErrorTableTests {
    static let cases: [(String, String, AuthError.Kind, String)] = [
        ("invalid_grant", "authentication failure", .authenticationFailed, "security token"),
        ("invalid_grant", "expired access/refresh token", .refreshTokenRevoked, "authorize the connected app again"),
        ("invalid_grant", "user hasn't approved this consumer", .userNotPreAuthorized, "pre-authorized"),
        ("invalid_grant", "audience is invalid", .audienceInvalid, "https://login.salesforce.com for production"),
        ("invalid_grant", "Audience validation failed", .audienceInvalid, "sandbox: true"),
        ("invalid_grant", "expired authorization code", .assertionExpired, "clock"),
        ("invalid_grant", "invalid assertion", .assertionInvalid, "certificate"),
        ("invalid_grant", "request not supported on this domain", .domainNotSupported, "My Domain"),
        ("invalid_grant", "something new", .invalidGrant, "check the credentials"),
        ("invalid_client_id", "client identifier invalid", .unknownConsumerKey, "Consumer Key"),
        ("invalid_client", "invalid client credentials", .invalidClient, "Consumer Secret"),
        ("unsupported_grant_type", "grant type not supported", .unsupportedGrantType, "Allow OAuth Username-Password Flows"),
        ("invalid_request", "missing required parameter", .invalidRequest, "every key"),
        ("inactive_user", "", .inactiveUser, "inactive or frozen"),
        ("inactive_org", "", .inactiveOrg, "inactive or locked"),
        ("rate_limit_exceeded", "ip/user rate limit exceeded", .loginRateLimited, "3,600"),
    ]

    @Test("every documented error pair maps to its kind and a sentence that says what to fix",
          arguments: 0..<cases.count)
    func mapping(_ index: Int) {
        let (code, description, kind, phrase) = Self.cases[index]
        let context = OAuthFailureContext(method: "oauth2_password", loginURL: "https://login.salesforce.com",
                                          username: "u@example.com", audience: "https://login.salesforce.com")
        let e = OAuthErrorTable.error(code: code, description: description, status: 400, context: context)
        #expect(e.kind == kind)
        #expect(e.message.contains(phrase))
        #expect(e.isPermanent == (kind != .loginRateLimited))
    }

    @Test("an undocumented description is not echoed, and the code is reduced to safe characters")
    func noEcho() {
        let context = OAuthFailureContext(method: "jwt", loginURL: "https://login.salesforce.com")
        let e = OAuthErrorTable.error(code: "weird<script>\nX", description: "token=SECRET123", status: 400, context: context)
        #expect(e.kind == .tokenEndpointFailed)
        #expect(!e.description.contains("SECRET123"))
        #expect(e.code == "weirdscriptX")
    }
}
