import ConnectorCore
import Foundation
import SalesforceAuth
import Testing

@Suite("Private key loading errors")
struct KeyErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let passphrase: String?
        let kind: AuthError.Kind
        var testDescription: String { "\(file) → \(kind)" }
    }

    static let cases: [Case] = [
        Case(file: "rsa-public.pem", passphrase: nil, kind: .notAPrivateKey),
        Case(file: "rsa-cert.pem", passphrase: nil, kind: .notAPrivateKey),
        Case(file: "rsa-pkcs8-encrypted.pem", passphrase: nil, kind: .passphraseRequired),
        Case(file: "rsa-traditional-encrypted.pem", passphrase: nil, kind: .passphraseRequired),
        Case(file: "rsa-pkcs8-encrypted.pem", passphrase: "wrong battery", kind: .wrongPassphrase),
        Case(file: "rsa-traditional-encrypted.pem", passphrase: "wrong battery", kind: .wrongPassphrase),
        Case(file: "ec-private.pem", passphrase: nil, kind: .unsupportedKeyType),
        Case(file: "ec-pkcs8.pem", passphrase: nil, kind: .unsupportedKeyType),
        Case(file: "garbage.pem", passphrase: nil, kind: .malformedKey),
        Case(file: "no-frame.txt", passphrase: nil, kind: .malformedKey),
    ]

    @Test("Each bad key gives its kind and a description with a reason and no secrets", arguments: cases)
    func badKey(_ c: Case) throws {
        let pem = try Fixture.text(c.file)
        let error = try #require(throws: AuthError.self) {
            try RS256Signer(pem: pem, passphrase: c.passphrase.map(Secret.init))
        }
        #expect(error.kind == c.kind)
        let text = error.description
        #expect(text.contains("Reason: "))
        #expect(!(error.reason ?? "").isEmpty)
        for line in try Fixture.bodyLines(c.file) {
            #expect(!text.contains(line))
            #expect(!text.contains(String(line.prefix(16))))
        }
        if let pass = c.passphrase { #expect(!text.contains(pass)) }
        #expect(!text.contains(Fixture.passphrase))
        #expect(error.errorDescription == text)
    }

    @Test("A wrong passphrase error carries OpenSSL's reason string")
    func wrongPassphraseReason() throws {
        let pem = try Fixture.text("rsa-pkcs8-encrypted.pem")
        let error = try #require(throws: AuthError.self) {
            try RS256Signer(pem: pem, passphrase: Secret("nope"))
        }
        #expect(error.kind == .wrongPassphrase)
        #expect(error.reason != nil)
    }

    @Test("An unreadable key file reports its path but no contents")
    func unreadableFile() throws {
        let error = try #require(throws: AuthError.self) {
            try RS256Signer(pemFile: "/nonexistent/key.pem", passphrase: nil)
        }
        #expect(error.kind == .keyFileUnreadable)
        #expect(error.description.contains("/nonexistent/key.pem"))
    }

    @Test("Kinds are extensible and compare by raw value")
    func kinds() {
        #expect(AuthError.Kind("invalidGrant") == .invalidGrant)
        #expect(AuthError.Kind.malformedKey != .signingFailed)
    }
}
