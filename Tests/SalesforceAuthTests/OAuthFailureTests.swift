import ConnectorCore
import Foundation
import SalesforceAuth
import Testing

@Suite("OAuth failures against the simulator: each answer maps to what to fix")
struct OAuthFailureTests {
    @Test("a wrong password says to check the password and the current security token")
    func badPassword() async throws {
        try await withOrg { org in
            let e = try #require(await authError { try await org.provider(org.password(password: "Wrong-Pass-7Q2")).token() })
            #expect(e.kind == .authenticationFailed)
            #expect(e.message.contains("security_token is the user's current token"))
            #expect(e.code == "invalid_grant: authentication failure")
            #expect(!renderings(e).joined().contains("Wrong-Pass-7Q2"))
        }
    }

    @Test("a missing security token is named as the likely cause")
    func missingSecurityToken() async throws {
        try await withOrg { org in
            let e = try #require(await authError { try await org.provider(org.password(securityToken: "")).token() })
            #expect(e.kind == .authenticationFailed)
            #expect(e.message.contains("no security_token is configured"))
        }
    }

    @Test("a wrong client secret says to copy the consumer secret")
    func badClientSecret() async throws {
        try await withOrg { org in
            let e = try #require(await authError { try await org.provider(org.password(clientSecret: "Nope-Secret-91")).token() })
            #expect(e.kind == .invalidClient)
            #expect(e.message.contains("Consumer Secret"))
        }
    }

    @Test("an unknown consumer key says to copy the Consumer Key")
    func unknownConsumerKey() async throws {
        try await withOrg { org in
            let e = try #require(await authError { try await org.provider(org.jwt(consumerKey: "3MVG9unknown")).token() })
            #expect(e.kind == .unknownConsumerKey)
            #expect(e.message.contains("Consumer Key"))
        }
    }

    @Test("a user who is not pre-authorized is told how to pre-authorize them")
    func notPreAuthorized() async throws {
        try await withOrg { org in
            try await org.admin("/__admin/preauthorized", form: "username=\(org.c.username)&allowed=false")
            let e = try #require(await authError { try await org.provider(org.jwt()).token() })
            #expect(e.kind == .userNotPreAuthorized)
            #expect(e.message.contains("'\(org.c.username)' is not pre-authorized"))
            #expect(e.message.contains("Admin approved users are pre-authorized"))
        }
    }

    @Test("a wrong audience names the login and test audiences")
    func wrongAudience() async throws {
        try await withOrg { org in
            let e = try #require(await authError { try await org.provider(org.jwt(audience: "https://acme.example")).token() })
            #expect(e.kind == .audienceInvalid)
            #expect(e.message.contains("https://acme.example"))
            #expect(e.message.contains("https://test.salesforce.com for a sandbox"))
        }
    }

    @Test("an assertion built by a clock ten minutes behind is reported as expired or clock skew")
    func expiredAssertion() async throws {
        try await withOrg { org in
            let clock = ManualWallClock(Date().addingTimeInterval(-600))
            let e = try #require(await authError { try await org.provider(org.jwt(), clock: clock).token() })
            #expect(e.kind == .assertionExpired)
            #expect(e.message.contains("clock"))
        }
    }

    @Test("an assertion from a clock far ahead is an invalid assertion that mentions the clock")
    func clockAhead() async throws {
        try await withOrg { org in
            let clock = ManualWallClock(Date().addingTimeInterval(900))
            let e = try #require(await authError { try await org.provider(org.jwt(), clock: clock).token() })
            #expect(e.kind == .assertionInvalid)
            #expect(e.message.contains("certificate") && e.message.contains("clock"))
        }
    }

    @Test("a revoked refresh token says to authorize again")
    func revokedRefreshToken() async throws {
        try await withOrg { org in
            let e = try #require(await authError { try await org.provider(org.refresh(token: "5AepRevoked-Token-3")).token() })
            #expect(e.kind == .refreshTokenRevoked)
            #expect(e.message.contains("authorize the connected app again"))
            #expect(e.isPermanent)
        }
    }

    @Test("no secret appears in any error's description")
    func noSecretsInErrors() async throws {
        try await withOrg { org in
            try await org.admin("/__admin/preauthorized", form: "username=\(org.c.username)&allowed=false")
            let attempts: [Authorization] = [
                org.password(password: "Wrong-Pass-7Q2"), org.password(securityToken: ""),
                org.password(clientSecret: "Nope-Secret-91"), org.jwt(), org.jwt(inlineKey: true),
                org.jwt(consumerKey: "3MVG9unknown"), org.refresh(token: "5AepRevoked-Token-3"),
            ]
            var texts: [String] = []
            for a in attempts {
                let e = try #require(await authError { try await org.provider(a).token() })
                texts += renderings(e)
            }
            let all = texts.joined(separator: "\n")
            for secret in org.secrets + ["Wrong-Pass-7Q2", "Nope-Secret-91", "5AepRevoked-Token-3"] {
                #expect(!all.contains(secret))
            }
            #expect(!all.contains("<redacted>"))
        }
    }
}
