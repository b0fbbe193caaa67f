import Crypto
import Foundation
import Testing
import X509
@testable import SalesforceSimulator

@Suite("Simulator OAuth token endpoint")
struct ServerOAuthTests {
    @Test("Generated ids are 18 characters with the documented checksum")
    func idChecksum() {
        #expect(SalesforceID.to18("001A0000006Vm9r") == "001A0000006Vm9rIAC")
        let id = SalesforceID.random15(prefix: "00D")
        #expect(id.count == 15 && id.hasPrefix("00D"))
    }

    @Test("The password grant returns a token whose signature verifies with the client secret")
    func passwordSuccess() async throws {
        try await withSimulator { sim in
            let r = try await Wire.passwordGrant(sim)
            #expect(r.status == 200)
            let o = r.object
            let token = try #require(o["access_token"] as? String)
            #expect(token.hasPrefix(sim.credentials.orgId15 + "!"))
            #expect(o["instance_url"] as? String == sim.baseURL)
            let id = try #require(o["id"] as? String)
            #expect(id == "\(sim.baseURL)/id/\(sim.credentials.orgId)/\(sim.credentials.userId)")
            #expect(o["token_type"] as? String == "Bearer")
            let issuedAt = try #require(o["issued_at"] as? String)
            #expect(issuedAt.count == 13)
            #expect(o["scope"] is String)
            let mac = HMAC<SHA256>.authenticationCode(
                for: Data((id + issuedAt).utf8), using: SymmetricKey(data: Data(sim.credentials.clientSecret.utf8)))
            #expect(o["signature"] as? String == Data(mac).base64EncodedString())
        }
    }

    @Test("A wrong password or a wrong client secret is refused with the Salesforce error text")
    func passwordFailures() async throws {
        try await withSimulator { sim in
            let bad = try await Wire.passwordGrant(sim, password: sim.credentials.password)
            #expect(bad.status == 400)
            #expect(bad.object["error"] as? String == "invalid_grant")
            #expect(bad.object["error_description"] as? String == "authentication failure")
            let secret = try await Wire.passwordGrant(sim, secret: "nope")
            #expect(secret.object["error"] as? String == "invalid_client")
            #expect(secret.object["error_description"] as? String == "invalid client credentials")
            let missing = try await Wire.token(sim, [("grant_type", "password")])
            #expect(missing.object["error"] as? String == "invalid_request")
            let unknown = try await Wire.token(sim, [("grant_type", "magic")])
            #expect(unknown.status == 400)
            #expect(unknown.object["error"] as? String == "unsupported_grant_type")
            #expect(unknown.object["error_description"] as? String == "grant type not supported")
        }
    }

    @Test("The refresh grant works, rotates when configured and refuses a revoked token")
    func refreshRotation() async throws {
        try await withSimulator(.init(refreshTokenRotation: true)) { sim in
            let c = sim.credentials
            func refresh(_ token: String, secret: String? = nil) async throws -> WireResponse {
                try await Wire.token(sim, [("grant_type", "refresh_token"), ("refresh_token", token),
                                           ("client_id", c.clientId), ("client_secret", secret ?? c.clientSecret)])
            }
            let badSecret = try await refresh(c.refreshToken, secret: "wrong")
            #expect(badSecret.object["error"] as? String == "invalid_client")
            #expect(badSecret.object["error_description"] as? String == "invalid client credentials")
            let first = try await refresh(c.refreshToken)
            #expect(first.status == 200)
            #expect(first.object["signature"] is String)
            let rotated = try #require(first.object["refresh_token"] as? String)
            #expect(rotated != c.refreshToken)
            let old = try await refresh(c.refreshToken)
            #expect(old.status == 400)
            #expect(old.object["error"] as? String == "invalid_grant")
            #expect(old.object["error_description"] as? String == "expired access/refresh token")
            let next = try await refresh(rotated)
            #expect(next.status == 200)
        }
    }

    @Test("The JWT bearer grant accepts a correctly signed assertion and omits the signature")
    func jwtSuccess() async throws {
        try await withSimulator { sim in
            let assertion = try sim.credentials.makeJWTAssertion(aud: "https://login.salesforce.com",
                                                                 exp: Date().addingTimeInterval(120))
            let r = try await Wire.token(sim, [("grant_type", OAuthTokenEndpoint.jwtGrant), ("assertion", assertion)])
            #expect(r.status == 200)
            #expect((r.object["access_token"] as? String)?.hasPrefix(sim.credentials.orgId15 + "!") == true)
            #expect(r.object["signature"] == nil)
            let own = try sim.credentials.makeJWTAssertion(aud: sim.baseURL, exp: Date().addingTimeInterval(60))
            let r2 = try await Wire.token(sim, [("grant_type", OAuthTokenEndpoint.jwtGrant), ("assertion", own)])
            #expect(r2.status == 200)
        }
    }

    @Test("The JWT key is written as a private PKCS#8 PEM file")
    func jwtKeyFile() async throws {
        try await withSimulator { sim in
            let path = sim.credentials.jwtPrivateKeyFile
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix("-----BEGIN PRIVATE KEY"))
            let attrs = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        }
    }

    @Test("Each JWT defect yields the documented error and description")
    func jwtFailures() async throws {
        try await withSimulator { sim in
            let c = sim.credentials
            let aud = "https://test.salesforce.com"
            let soon = Date().addingTimeInterval(100)
            func post(_ assertion: String) async throws -> (String?, String?) {
                let r = try await Wire.token(sim, [("grant_type", OAuthTokenEndpoint.jwtGrant), ("assertion", assertion)])
                #expect(r.status == 400)
                return (r.object["error"] as? String, r.object["error_description"] as? String)
            }
            let iss = try await post(try c.makeJWTAssertion(iss: "someone-else", aud: aud, exp: soon))
            #expect(iss.0 == "invalid_client_id" && iss.1 == "client identifier invalid")
            let sub = try await post(try c.makeJWTAssertion(sub: "nobody@example.com", aud: aud, exp: soon))
            #expect(sub.0 == "invalid_grant" && sub.1 == "user hasn't approved this consumer")
            let audience = try await post(try c.makeJWTAssertion(aud: "https://evil.example", exp: soon))
            #expect(audience.0 == "invalid_grant" && audience.1 == "audience is invalid")
            let expired = try await post(try c.makeJWTAssertion(aud: aud, exp: Date().addingTimeInterval(-30)))
            #expect(expired.0 == "invalid_grant" && expired.1 == "expired authorization code")
            let far = try await post(try c.makeJWTAssertion(aud: aud, exp: Date().addingTimeInterval(600)))
            #expect(far.0 == "invalid_grant" && far.1 == "invalid assertion")
            let good = try c.makeJWTAssertion(aud: aud, exp: soon)
            let tampered = String(good.dropLast(4)) + (good.hasSuffix("AAAA") ? "BBBB" : "AAAA")
            let sig = try await post(tampered)
            #expect(sig.0 == "invalid_grant" && sig.1 == "invalid assertion")
            let shape = try await post("not-a-jwt")
            #expect(shape.0 == "invalid_grant" && shape.1 == "invalid assertion")
            sim.setPreAuthorized(c.username, false)
            let unapproved = try await post(good)
            #expect(unapproved.0 == "invalid_grant" && unapproved.1 == "user hasn't approved this consumer")
        }
    }

    @Test("With TLS the CA is written to ca.pem as a PEM certificate")
    func tlsCAFile() async throws {
        try await withSimulator(.init(tls: true)) { sim in
            #expect(sim.baseURL.hasPrefix("https://127.0.0.1:"))
            let path = try #require(sim.caFile)
            #expect(path.hasSuffix("/ca.pem"))
            let pem = try String(contentsOfFile: path, encoding: .utf8)
            let ca = try Certificate(pemEncoded: pem)
            #expect(ca.subject == ca.issuer)
        }
    }
}
