import Foundation
import NIOSSL
import SalesforceSimulator

/// A throwaway CA and a server certificate for 127.0.0.1 and localhost, made at runtime.
public struct TestCertificates: Sendable {
    public let caPEM: String
    public let serverCertificatePEM: String
    public let serverKeyPEM: String

    public init() throws {
        let material = try SimulatorTLSMaterial(caName: "sfconnect test CA", validDays: 1)
        caPEM = material.caPEM
        serverCertificatePEM = material.serverCertificatePEM
        serverKeyPEM = material.serverKeyPEM
    }

    /// Writes the CA bundle to a new temporary file and returns its path.
    public func writeCAFile() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("sfconnect-test-ca-\(UUID().uuidString).pem").path
        try caPEM.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A NIOSSL server configuration presenting the server certificate.
    public func serverTLSConfiguration() throws -> TLSConfiguration {
        TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(serverCertificatePEM.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(serverKeyPEM.utf8), format: .pem)))
    }
}
