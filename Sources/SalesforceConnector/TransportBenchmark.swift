import ConnectorCore
import Foundation
import HTTPTransport

/// Measures the transport: sequential small GETs over one reused connection.
public enum TransportBenchmark {
    /// What one benchmark run measured.
    public struct Result: Sendable {
        public var requests: Int
        public var seconds: Double
        public var failures: Int
        /// New TCP connections opened, warm-up included (1 means every request reused it).
        public var connectionsOpened: Int
        public var requestsPerSecond: Double { seconds > 0 ? Double(requests) / seconds : 0 }
    }

    /// Sends `count` GETs to `url` one after another and times them.
    /// - Throws: `TransportError` when the first request cannot be made at all.
    public static func sequentialGETs(url: String, count: Int, caFile: String?,
                                      environment: [String: String]) async throws -> Result {
        let transport = CurlTransport(configuration: TransportConfiguration(caFile: caFile, environment: environment))
        // One warm-up request opens the connection and fails fast on a bad URL.
        _ = try await transport.send(HTTPRequest(url: url))
        var failures = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<count {
            let response = try await transport.send(HTTPRequest(url: url))
            if !(200..<300).contains(response.status) { failures += 1 }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(requests: count, seconds: seconds, failures: failures, connectionsOpened: transport.connectionsOpened)
    }
}
