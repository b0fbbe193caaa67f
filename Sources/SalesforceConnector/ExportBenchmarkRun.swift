import ConnectorCore
import ExportEngine
import Foundation
import HTTPTransport
import ImportEngine
import SalesforceAPI
import SalesforceAuth

/// `sfconnect bench export`: the real client (HTTP on loopback, password login) handed to
/// ``ExportBenchmark``, with a counting gate as its API-call counter.
public enum ExportBenchmarkRun {
    /// - Throws: the client's, the store's or the export engine's error when a step fails.
    public static func run(login c: ImportBenchmark.Login, options: ExportBenchmark.Options) async throws -> ExportBenchmark.Result {
        let (client, gate, transport) = try c.client(job: "bench-export", priority: .backfill)
        defer { transport.closeIdleConnections() }
        return try await ExportBenchmark.run(client: client, apiCalls: { gate.calls }, options: options)
    }
}

extension ImportBenchmark.Login {
    /// A client that logs in by the password flow, over its own transport, counting its calls.
    /// - Throws: `AuthError` when the authorization is refused before any call.
    func client(job: String, priority: CallPurpose.Priority) throws -> (SalesforceClient, CountingGate, CurlTransport) {
        let transport = CurlTransport(configuration: TransportConfiguration())
        let auth = Authorization(method: .password(.init(clientID: clientID, clientSecret: Secret(clientSecret),
                                                         username: username, password: Secret(password),
                                                         securityToken: Secret(securityToken))),
                                 loginURL: loginURL)
        let tokens = try TokenProvider(authorization: auth, transport: transport, refreshTokens: MemoryRefreshTokenStore())
        let gate = CountingGate(wrapping: UnmeteredGate())
        let client = SalesforceClient(transport: transport, tokens: tokens, gate: gate, purpose: CallPurpose(job: job, priority: priority))
        return (client, gate, transport)
    }
}
