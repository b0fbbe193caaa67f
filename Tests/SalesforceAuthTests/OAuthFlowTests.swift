import ConnectorCore
import Foundation
import SalesforceAuth
import Testing

@Suite("OAuth flows against the simulator over HTTPS")
struct OAuthFlowTests {
    func expectSession(_ token: AccessToken, _ org: SimulatorOrg) async throws {
        #expect(token.instanceURL == org.sim.baseURL)
        #expect(token.orgId == org.c.orgId)
        #expect(token.userId == org.c.userId)
        #expect(token.token.reveal().hasPrefix(org.c.orgId15 + "!"))
        #expect(try await org.limitsStatus(token) == 200)
    }

    @Test("the password flow logs in with the password and security token concatenated")
    func password() async throws {
        try await withOrg { org in
            let token = try await org.provider(org.password()).token()
            try await expectSession(token, org)
        }
    }

    @Test("the refresh-token flow logs in with the configured refresh token")
    func refreshToken() async throws {
        try await withOrg { org in
            let token = try await org.provider(org.refresh()).token()
            try await expectSession(token, org)
        }
    }

    @Test("the JWT bearer flow logs in with a key file and with inline PEM")
    func jwt() async throws {
        try await withOrg { org in
            try await expectSession(try await org.provider(org.jwt()).token(), org)
            try await expectSession(try await org.provider(org.jwt(inlineKey: true)).token(), org)
        }
    }

    @Test("the JWT flow uses the production audience when told to and the simulator accepts it")
    func jwtProductionAudience() async throws {
        try await withOrg { org in
            let token = try await org.provider(org.jwt(audience: "https://login.salesforce.com")).token()
            try await expectSession(token, org)
        }
    }

    @Test("a JWT key that cannot be loaded fails when the provider is built, before any request")
    func badKey() async throws {
        try await withOrg { org in
            var a = org.jwt()
            guard case .jwt(var j) = a.method else { return }
            j.privateKey = .file(org.sim.dataDir + "/jwt-certificate.pem")
            a.method = .jwt(j)
            #expect(throws: AuthError.self) { _ = try org.provider(a) }
            do { _ = try org.provider(a) } catch let e as AuthError { #expect(e.kind == .notAPrivateKey) }
            #expect(try await org.tokenCalls() == 0)
        }
    }

    @Test("a login URL with nothing listening gives the transport's sentence")
    func unreachable() async throws {
        try await withOrg { org in
            var a = org.password()
            a.loginURL = "https://127.0.0.1:9"
            let e = await authError { try await org.provider(a).token() }
            #expect(e?.kind == .tokenEndpointUnreachable)
            #expect(e?.message.contains("Nothing is listening at https://127.0.0.1:9/services/oauth2/token") == true)
            #expect(e?.isPermanent == false)
        }
    }
}

@Suite("JWT audience")
struct JWTAudienceTests {
    @Test("login, test and My Domain hosts map to the login or test audience")
    func audiences() {
        #expect(JWTAudience.audience(loginURL: "https://login.salesforce.com", sandbox: false) == "https://login.salesforce.com")
        #expect(JWTAudience.audience(loginURL: "https://test.salesforce.com", sandbox: true) == "https://test.salesforce.com")
        #expect(JWTAudience.audience(loginURL: "https://acme.my.salesforce.com", sandbox: false) == "https://login.salesforce.com")
        #expect(JWTAudience.audience(loginURL: "https://acme.my.salesforce.com", sandbox: true) == "https://test.salesforce.com")
        #expect(JWTAudience.audience(loginURL: "https://acme--uat.sandbox.my.salesforce.com", sandbox: false) == "https://test.salesforce.com")
    }

    @Test("a login URL outside Salesforce (the simulator) is its own audience")
    func simulator() {
        #expect(JWTAudience.audience(loginURL: "https://127.0.0.1:8443/", sandbox: false) == "https://127.0.0.1:8443")
    }
}
