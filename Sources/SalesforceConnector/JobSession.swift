import BudgetScheduler
import ConnectorCore
import Definitions
import Foundation
import HTTPTransport
import ImportEngine
import Logging
import SalesforceAPI
import SalesforceAuth
import Store

/// What a run of one job file needs: its authorization, a libcurl transport, the token provider,
/// the store, the org's budget (the job's allotment within it) and a gate counting the calls.
/// `run` for imports and exports both open one, so both are wired the same way.
struct JobSession: Sendable {
    let org: String
    let apiVersion: String
    let transport: CurlTransport
    let tokens: TokenProvider
    let store: Store
    let budget: BudgetScheduler
    let gate: CountingGate
    let clock: any WallClock

    /// - Throws: the authorization's ``DefinitionErrors`` or `AuthError`, ``StoreError``.
    static func open(jobFile: String, job: JobDefinition, storePath: String, environment: [String: String],
                     workingDirectory: String, clock: any WallClock, logger: Logger) async throws -> JobSession {
        let loaded = try AuthorizationLoader.locate(jobFile, environment: environment, workingDirectory: workingDirectory)
        for w in loaded.warnings { logger.warning("authorization warning", metadata: ["warning": "\(w.description)"]) }
        let auth = loaded.authorization
        let transport = CurlTransport(configuration: TransportConfiguration(caFile: auth.caFile, environment: environment))
        let tokens = try TokenProvider(authorization: auth, transport: transport, clock: clock,
                                       refreshTokens: FileRefreshTokenStore(environment: environment, workingDirectory: workingDirectory))
        let store = try Store(path: storePath, clock: clock)
        let org = auth.name ?? auth.loginURL
        let budget = try await BudgetGate.make(job: job, org: org, reservePercent: auth.reservePercent, store: store,
                                               storePath: storePath, clock: clock)
        return JobSession(org: org, apiVersion: auth.apiVersion, transport: transport, tokens: tokens, store: store,
                          budget: budget, gate: CountingGate(wrapping: budget), clock: clock)
    }

    /// A client whose every call is charged to `job` at `priority`.
    func client(job: String, priority: CallPurpose.Priority) -> SalesforceClient {
        SalesforceClient(configuration: .init(apiVersion: apiVersion), transport: transport, tokens: tokens,
                         gate: gate, purpose: CallPurpose(job: job, priority: priority), clock: clock)
    }

    func status(job: String, logger: Logger) -> StatusRecorder {
        StatusRecorder(store: store, job: job, org: org, budget: budget, logger: logger)
    }

    func close() { transport.closeIdleConnections() }
}
