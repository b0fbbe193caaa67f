import ConnectorTesting
import Foundation
import HTTPTransport

/// Shared helpers for the transport tests.
enum Support {
    static let codec = GzipCodec(compress: { Gzip.compress($0) }, decompress: { Gzip.decompress($0) })

    static func server(tls: Bool = false) async throws -> LoopbackServer {
        try await LoopbackServer.start(tls: tls, gzip: codec)
    }

    static func echo(_ response: HTTPResponse) throws -> EchoReport {
        try JSONDecoder().decode(EchoReport.self, from: response.body)
    }

    /// A port on 127.0.0.1 with nothing listening: a server that has been started and stopped.
    static func closedPort() async throws -> Int {
        let server = try await LoopbackServer.start()
        let port = server.port
        await server.stop()
        return port
    }
}
