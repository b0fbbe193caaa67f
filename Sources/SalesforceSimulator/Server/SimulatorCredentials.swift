import Crypto
import _CryptoExtras
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// Secrets generated when a simulator starts.
public struct SimulatorCredentials: Sendable {
    public let orgId15: String
    public let userId15: String
    public var orgId: String { SalesforceID.to18(orgId15) }
    public var userId: String { SalesforceID.to18(userId15) }
    public let username: String
    public let password: String
    public let securityToken: String
    public let clientId: String
    public let clientSecret: String
    /// The refresh token issued at start (valid until revoked).
    public let refreshToken: String
    /// PKCS#8 PEM of the JWT signing key, also written to ``jwtPrivateKeyFile``.
    public let jwtPrivateKeyPEM: String
    public let jwtPrivateKeyFile: String
    /// Self-signed certificate of the JWT key (what a connected app would hold).
    public let jwtCertificatePEM: String
    public let jwtPublicKey: _RSA.Signing.PublicKey
    let jwtPrivateKey: _RSA.Signing.PrivateKey

    init(dataDir: String) throws {
        orgId15 = SalesforceID.random15(prefix: "00D")
        userId15 = SalesforceID.random15(prefix: "005")
        username = "integration@sim.example"
        password = "Pw-" + SalesforceID.randomToken(length: 12)
        securityToken = SalesforceID.randomToken(length: 24)
        clientId = "3MVG9" + SalesforceID.randomToken(length: 80)
        clientSecret = SalesforceID.randomToken(length: 64)
        refreshToken = "5Aep" + SalesforceID.randomToken(length: 80)
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        jwtPrivateKey = key
        jwtPublicKey = key.publicKey
        jwtPrivateKeyPEM = key.pkcs8PEMRepresentation
        jwtPrivateKeyFile = (dataDir as NSString).appendingPathComponent("jwt-private-key.pem")
        try SimulatorFiles.writePrivate(jwtPrivateKeyPEM, to: jwtPrivateKeyFile)
        let now = Date()
        let name = try DistinguishedName { CommonName("sfconnect simulator JWT") }
        let cert = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
            notValidBefore: now - 3600, notValidAfter: now + 86400 * 365,
            issuer: name, subject: name, signatureAlgorithm: .sha256WithRSAEncryption,
            extensions: Certificate.Extensions(), issuerPrivateKey: .init(key))
        jwtCertificatePEM = try cert.serializeAsPEM().pemString
        try SimulatorFiles.writePrivate(jwtCertificatePEM,
                                        to: (dataDir as NSString).appendingPathComponent("jwt-certificate.pem"))
    }

    /// The password field for the password grant: password + security token.
    public var passwordWithToken: String { password + securityToken }

    /// A signed RS256 JWT bearer assertion made with the generated key (for tests and the CLI).
    public func makeJWTAssertion(iss: String? = nil, sub: String? = nil, aud: String, exp: Date) throws -> String {
        let claims: [String: Any] = ["iss": iss ?? clientId, "sub": sub ?? username, "aud": aud,
                                     "exp": Int(exp.timeIntervalSince1970)]
        let header = Base64URL.encode(Data(#"{"alg":"RS256","typ":"JWT"}"#.utf8))
        let body = Base64URL.encode(try JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys]))
        let input = header + "." + body
        let sig = try jwtPrivateKey.signature(for: SHA256.hash(data: Data(input.utf8)), padding: .insecurePKCS1v1_5)
        return input + "." + Base64URL.encode(sig.rawRepresentation)
    }
}

/// TLS material for an HTTPS listener on 127.0.0.1: a throwaway CA and a server certificate
/// for `localhost` and 127.0.0.1 that it signed. Also used by the test servers.
public struct SimulatorTLSMaterial: Sendable {
    public let caPEM: String
    public let serverCertificatePEM: String
    public let serverKeyPEM: String

    public init(caName caCommonName: String = "sfconnect simulator CA", validDays: Int = 30) throws {
        let now = Date()
        let caKey = P256.Signing.PrivateKey()
        let caName = try DistinguishedName { CommonName(caCommonName) }
        let ca = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(caKey.publicKey),
            notValidBefore: now - 3600, notValidAfter: now + 86400 * Double(validDays),
            issuer: caName, subject: caName, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: .init(caKey))
        let serverKey = P256.Signing.PrivateKey()
        let server = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(serverKey.publicKey),
            notValidBefore: now - 3600, notValidAfter: now + 86400 * Double(validDays),
            issuer: caName, subject: try DistinguishedName { CommonName("localhost") },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames([
                    .dnsName("localhost"),
                    .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                ])
            },
            issuerPrivateKey: .init(caKey))
        caPEM = try ca.serializeAsPEM().pemString
        serverCertificatePEM = try server.serializeAsPEM().pemString
        serverKeyPEM = serverKey.pemRepresentation
    }
}

extension SimulatorTLSMaterial {
    /// A NIOSSL server configuration presenting the server certificate.
    public func serverTLSConfiguration() throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(serverCertificatePEM.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(serverKeyPEM.utf8), format: .pem)))
        // An idle keep-alive client (libcurl's pool) never answers close_notify; without this, stopping the
        // server waits NIOSSL's default 5 s per such connection.
        tls.shutdownTimeout = .milliseconds(50)
        return tls
    }
}

enum SimulatorFiles {
    static func writePrivate(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}

enum Base64URL {
    static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: Substring) -> Data? {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s.append("=") }
        return Data(base64Encoded: s)
    }
}
