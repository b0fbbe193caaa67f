import ConnectorCore
import Foundation
import SalesforceAuth
import Testing

@Suite("RS256 signer")
struct RS256SignerTests {
    let message = Data("sfconnect RS256 signer test message".utf8)

    @Test("A PKCS#1 key signs and the signature verifies with the public key")
    func pkcs1VerifiesWithPublicKey() throws {
        let signer = try RS256Signer(pem: Fixture.text("rsa-pkcs1.pem"), passphrase: nil)
        #expect(signer.keyBits == 2048)
        let signature = try signer.sign(message)
        #expect(signature.count == 256)
        let verifier = try RS256Verifier(pem: Fixture.text("rsa-public.pem"))
        #expect(verifier.verify(signature, for: message))
        #expect(!verifier.verify(signature, for: Data("tampered".utf8)))
    }

    @Test("A signature verifies against the self-signed certificate of the same key")
    func verifiesWithCertificate() throws {
        let signer = try RS256Signer(pemFile: Fixture.url("rsa-pkcs1.pem").path, passphrase: nil)
        let signature = try signer.sign([UInt8](message))
        let verifier = try RS256Verifier(pem: Fixture.text("rsa-cert.pem"))
        #expect(verifier.verify(signature, for: message))
    }

    @Test("The signature of the fixed message equals the openssl-computed vector")
    func fixedVector() throws {
        let signer = try RS256Signer(pem: Fixture.text("rsa-pkcs1.pem"), passphrase: nil)
        let vectorMessage = try Data(contentsOf: Fixture.url("vector-message.txt"))
        let expected = try Fixture.text("vector-signature.txt").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Base64URL.encode(try signer.sign(vectorMessage)) == expected)
    }

    @Test("PKCS#8 and encrypted variants load and produce the same deterministic signature",
          arguments: [("rsa-pkcs8.pem", false), ("rsa-pkcs8-encrypted.pem", true),
                      ("rsa-traditional-encrypted.pem", true)])
    func variantsLoad(name: String, encrypted: Bool) throws {
        let reference = try RS256Signer(pem: Fixture.text("rsa-pkcs1.pem"), passphrase: nil).sign(message)
        let pass = encrypted ? Secret(Fixture.passphrase) : nil
        let signer = try RS256Signer(pem: Fixture.text(name), passphrase: pass)
        #expect(try signer.sign(message) == reference)
    }

    @Test("Concurrent signing with one signer gives identical signatures")
    func concurrentSigning() async throws {
        let signer = try RS256Signer(pem: Fixture.text("rsa-pkcs8.pem"), passphrase: nil)
        let reference = try signer.sign(message)
        let message = self.message
        try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<16 { group.addTask { try signer.sign(message) } }
            for try await signature in group { #expect(signature == reference) }
        }
    }

    @Test("The verifier rejects a forged signature and refuses a private key PEM")
    func rejectsWrongSignature() throws {
        let verifier = try RS256Verifier(pem: Fixture.text("rsa-public.pem"))
        #expect(!verifier.verify(Data(repeating: 7, count: 256), for: message))
        #expect(throws: AuthError.self) { try RS256Verifier(pem: Fixture.text("rsa-pkcs1.pem")) }
    }
}
