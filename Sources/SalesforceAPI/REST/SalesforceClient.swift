import ConnectorCore
import Foundation
import HTTPTransport
import Logging

/// The Salesforce REST and Bulk API 2.0 client.
///
/// Every call asks `gate.acquire(cost: 1, for: purpose)` first, sends `Authorization: Bearer`
/// and `Accept-Encoding: gzip`, reports each response's `Sforce-Limit-Info` to `gate.observe`,
/// and classifies failures with ``ErrorTable``: `INVALID_SESSION_ID` refreshes the token once and
/// retries, transient failures back off exponentially with jitter (slept on the injected
/// clock), `REQUEST_LIMIT_EXCEEDED` tells the gate and throws a budget error, and anything else
/// throws a ``SalesforceError`` with the object and fields it concerns.
///
/// The instance URL comes from the current access token on every call, so a refreshed token
/// that moves the org to another instance is followed.
public final class SalesforceClient: Sendable {
    /// Settings with Salesforce-friendly defaults.
    public struct Configuration: Sendable {
        /// The REST API version, e.g. `62.0`.
        public var apiVersion: String
        /// `Sforce-Query-Options: batchSize=N` for REST queries (Salesforce clamps to 200–2,000).
        public var queryBatchSize: Int?
        /// The longest GET URL the client sends; a longer query goes by Bulk API 2.0 or is split, never a 414.
        public var maxURLLength: Int
        /// A too-long query with `ORDER BY` goes by Bulk, which cannot sort: the client sorts up to
        /// this many rows itself and refuses larger results.
        public var bulkSortMaxRecords: Int
        /// Retries of one call for transient failures before it gives up.
        public var maxRetries: Int
        /// Bulk: the largest CSV upload per ingest job (Salesforce allows ~100 MB raw).
        public var bulkMaxUploadBytes: Int
        /// Bulk: the first and the longest wait between job polls, and the longest total wait.
        public var bulkPollInitial: TimeInterval
        public var bulkPollMax: TimeInterval
        public var bulkMaxWait: TimeInterval
        /// Bulk query: rows per results page (`maxRecords`); nil lets Salesforce choose.
        public var bulkMaxRecords: Int?

        public init(apiVersion: String = "62.0", queryBatchSize: Int? = nil,
                    maxURLLength: Int = SOQLQuery.defaultMaxURLLength, maxRetries: Int = Backoff.maxAttempts,
                    bulkMaxUploadBytes: Int = 100_000_000, bulkPollInitial: TimeInterval = 1,
                    bulkPollMax: TimeInterval = 30, bulkMaxWait: TimeInterval = 4 * 3600,
                    bulkMaxRecords: Int? = nil, bulkSortMaxRecords: Int = 50_000) {
            self.apiVersion = apiVersion
            self.queryBatchSize = queryBatchSize
            self.maxURLLength = maxURLLength
            self.maxRetries = maxRetries
            self.bulkMaxUploadBytes = bulkMaxUploadBytes
            self.bulkPollInitial = bulkPollInitial
            self.bulkPollMax = bulkPollMax
            self.bulkMaxWait = bulkMaxWait
            self.bulkMaxRecords = bulkMaxRecords
            self.bulkSortMaxRecords = bulkSortMaxRecords
        }
    }

    public let configuration: Configuration
    let transport: any HTTPTransporting
    let tokens: any AccessTokenProviding
    let gate: any APICallGate
    let purpose: CallPurpose
    let clock: any WallClock
    let logger: Logger
    let describeCache = DescribeCache()

    /// - Parameters:
    ///   - purpose: the job and priority every call of this client is charged to.
    ///   - clock: sleeps between retries and Bulk polls (a `ManualWallClock` in tests).
    public init(configuration: Configuration = Configuration(), transport: any HTTPTransporting,
                tokens: any AccessTokenProviding, gate: any APICallGate, purpose: CallPurpose,
                clock: any WallClock = SystemWallClock(),
                logger: Logger = Logger(label: "sfconnect.salesforce-api", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.configuration = configuration
        self.transport = transport
        self.tokens = tokens
        self.gate = gate
        self.purpose = purpose
        self.clock = clock
        self.logger = logger
    }

    /// `/services/data/v{version}`.
    var dataPath: String { "/services/data/v\(configuration.apiVersion)" }
}
