import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceAPI
import SalesforceAuth

/// Measures the REST query path: pages every record of a query through ``SalesforceClient``
/// (the real transport, token handling, gate and page decoding) and counts what it cost.
public enum QueryBenchmark {
    /// What one run measured.
    public struct Result: Sendable {
        public var records: Int
        public var pages: Int
        /// Calls the client asked the gate for (each page is one).
        public var apiCalls: Int
        /// The org's usage from the last `Sforce-Limit-Info`.
        public var orgUsage: APIUsage?
        public var seconds: Double
        public var recordsPerSecond: Double { seconds > 0 ? Double(records) / seconds : 0 }
    }

    /// Logs in with `authorization`, then pages `soql` to the end and times it (the login is
    /// not timed).
    /// - Throws: `AuthError` from the login, ``SalesforceError`` from the query.
    public static func run(soql: String, authorization: Authorization, batchSize: Int? = nil,
                           environment: [String: String] = [:]) async throws -> Result {
        let transport = CurlTransport(configuration: TransportConfiguration(caFile: authorization.caFile,
                                                                            environment: environment))
        let tokens = try TokenProvider(authorization: authorization, transport: transport,
                                       refreshTokens: MemoryRefreshTokenStore())
        let apiVersion = authorization.apiVersion
        let gate = QueryBenchGate()
        let client = SalesforceClient(configuration: .init(apiVersion: apiVersion, queryBatchSize: batchSize),
                                      transport: transport, tokens: tokens, gate: gate,
                                      purpose: CallPurpose(job: "bench-query", priority: .other))
        _ = try await tokens.token()
        var records = 0
        var pages = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for try await page in try client.query(soql) {
            records += page.records.count
            pages += 1
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(records: records, pages: pages, apiCalls: await gate.calls, orgUsage: await gate.lastUsage,
                      seconds: seconds)
    }
}

/// A gate that meters nothing and counts calls.
actor QueryBenchGate: APICallGate {
    private(set) var calls = 0
    private(set) var lastUsage: APIUsage?
    func acquire(cost: Int, for purpose: CallPurpose) async throws { calls += cost }
    func observe(_ usage: APIUsage) async { lastUsage = usage }
    func observeLimitExceeded(for purpose: CallPurpose) async {}
}
