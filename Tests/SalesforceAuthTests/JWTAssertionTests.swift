import ConnectorCore
import Foundation
import SalesforceAuth
import Testing

@Suite("JWT bearer assertion")
struct JWTAssertionTests {
    let now = Date(timeIntervalSince1970: 1_764_000_000.75)
    let assertion = JWTAssertion(consumerKey: "3MVG9consumer.key", username: "integration@example.com",
                                 audience: "https://login.salesforce.com")

    func object(_ part: Substring) throws -> [String: Any] {
        let data = try #require(Base64URL.decode(String(part)))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("The assertion has three parts and the expected header and claims")
    func structure() throws {
        let signer = try RS256Signer(pem: Fixture.text("rsa-pkcs1.pem"), passphrase: nil)
        let jwt = try assertion.build(now: now, signer: signer)
        let parts = jwt.split(separator: ".", omittingEmptySubsequences: false)
        try #require(parts.count == 3)
        #expect(!jwt.contains("="))
        let headerJSON = String(decoding: try #require(Base64URL.decode(String(parts[0]))), as: UTF8.self)
        #expect(headerJSON == #"{"alg":"RS256","typ":"JWT"}"#)
        let claims = try object(parts[1])
        #expect(claims["iss"] as? String == "3MVG9consumer.key")
        #expect(claims["sub"] as? String == "integration@example.com")
        #expect(claims["aud"] as? String == "https://login.salesforce.com")
        #expect(claims.count == 4)
    }

    @Test("exp is a JSON integer no later than now + 180 seconds")
    func expiry() throws {
        let json = String(decoding: try assertion.claimsJSON(now: now), as: UTF8.self)
        #expect(json == #"{"aud":"https://login.salesforce.com","exp":1764000180,"iss":"3MVG9consumer.key","sub":"integration@example.com"}"#)
        let long = JWTAssertion(consumerKey: "k", username: "u", audience: "a", lifetime: 3600)
        #expect(long.expiry(now: now) <= Int(now.timeIntervalSince1970) + 180)
        #expect(long.expiry(now: now) > Int(now.timeIntervalSince1970))
    }

    @Test("The assertion's signature verifies over header.claims")
    func signatureVerifies() throws {
        let signer = try RS256Signer(pem: Fixture.text("rsa-pkcs8.pem"), passphrase: nil)
        let jwt = try assertion.build(now: now, signer: signer)
        let parts = jwt.split(separator: ".")
        let signature = try #require(Base64URL.decode(String(parts[2])))
        let verifier = try RS256Verifier(pem: Fixture.text("rsa-cert.pem"))
        #expect(verifier.verify(signature, for: Data("\(parts[0]).\(parts[1])".utf8)))
    }

    @Test("Base64URL round-trips without padding and rejects invalid input")
    func base64url() {
        for n in 0..<10 {
            let data = Data((0..<n).map { UInt8(truncatingIfNeeded: $0 * 37 + 250) })
            let encoded = Base64URL.encode(data)
            #expect(!encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"))
            #expect(Base64URL.decode(encoded) == data)
        }
        #expect(Base64URL.encode(Data([0xfb, 0xff])) == "-_8")
        #expect(Base64URL.decode("a") == nil)
        #expect(Base64URL.decode("!!!!") == nil)
    }
}
