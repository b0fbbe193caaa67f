import Foundation
import NIOSSL
import SalesforceSimulator

/// A throwaway CA and a server certificate for 127.0.0.1 and localhost, made at runtime.
public struct TestCertificates: Sendable {
    private let material: SimulatorTLSMaterial

    public init() throws { material = try SimulatorTLSMaterial(caName: "sfconnect test CA", validDays: 1) }

    public var caPEM: String { material.caPEM }
    public var serverCertificatePEM: String { material.serverCertificatePEM }
    public var serverKeyPEM: String { material.serverKeyPEM }

    /// Writes the CA bundle to a new temporary file and returns its path.
    public func writeCAFile() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("sfconnect-test-ca-\(UUID().uuidString).pem").path
        try caPEM.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A NIOSSL server configuration presenting the server certificate.
    public func serverTLSConfiguration() throws -> TLSConfiguration { try material.serverTLSConfiguration() }
}
