import ConnectorCore
import Foundation
import HTTPTransport
import Logging

/// Hands out the org's access token: cached, refreshed single-flight, never hammering the
/// token endpoint.
///
/// - `token()` returns the cached token, or logs in once however many callers ask together.
/// - `refresh(after:)` is for a token Salesforce rejected (`INVALID_SESSION_ID`): every caller
///   that saw the same rejected token shares ONE token request; callers that come after it
///   finished get the new token without another request.
/// - A permanent failure (``AuthError/isPermanent``: `invalid_grant`, an unknown consumer key, a
///   bad key…) is remembered: later callers get the same error without a new request, until
///   ``replace(flow:)`` installs a changed authorization. Transient failures (network, 5xx,
///   login rate limit) are not remembered; the next caller tries again.
/// - With `maximumAge`, a token older than that (by the injected clock) is renewed before use.
public actor TokenProvider: AccessTokenProviding {
    private var flow: any TokenFlow
    private let clock: any WallClock
    private let maximumAge: TimeInterval?
    private let logger: Logger?
    private var cached: AccessToken?
    private var inflight: (id: Int, task: Task<AccessToken, any Error>)?
    private var generation = 0
    private var failure: (any Error)?
    /// How many token requests this provider has started (for diagnostics and tests).
    public private(set) var requestsStarted = 0

    public init(flow: any TokenFlow, clock: any WallClock = SystemWallClock(), maximumAge: TimeInterval? = nil,
                logger: Logger? = nil) {
        self.flow = flow
        self.clock = clock
        self.maximumAge = maximumAge
        self.logger = logger
    }

    /// A provider for `authorization` over `transport`.
    /// - Throws: ``AuthError`` when the JWT private key cannot be loaded.
    public init(authorization: Authorization, transport: any HTTPTransporting, clock: any WallClock = SystemWallClock(),
                refreshTokens: any RefreshTokenStore, maximumAge: TimeInterval? = nil, logger: Logger? = nil) throws {
        let flow = try TokenFlows.make(for: authorization, transport: transport, clock: clock, refreshTokens: refreshTokens)
        self.init(flow: flow, clock: clock, maximumAge: maximumAge, logger: logger)
    }

    public func token() async throws -> AccessToken {
        if let failure { throw failure }
        if let cached, !isStale(cached) { return cached }
        return try await fetch()
    }

    public func refresh(after rejected: AccessToken) async throws -> AccessToken {
        if let failure { throw failure }
        if let cached {
            if cached.token != rejected.token && !isStale(cached) { return cached }
            self.cached = nil
        }
        return try await fetch()
    }

    /// Installs a new flow (the authorization changed): forgets the cached token and any
    /// remembered failure.
    public func replace(flow: any TokenFlow) {
        self.flow = flow
        cached = nil
        failure = nil
        inflight = nil
        generation += 1
    }

    private func isStale(_ token: AccessToken) -> Bool {
        guard let maximumAge else { return false }
        return clock.now().timeIntervalSince(token.issuedAt) >= maximumAge
    }

    /// Joins the request in flight, or starts one.
    private func fetch() async throws -> AccessToken {
        if let inflight { return try await inflight.task.value }
        generation += 1
        requestsStarted += 1
        let id = generation
        let flow = self.flow
        let task = Task<AccessToken, any Error> { try await flow.fetch().accessToken }
        inflight = (id, task)
        do {
            let token = try await task.value
            if inflight?.id == id {
                inflight = nil
                cached = token
            }
            logger?.debug("sf.auth.token_obtained", metadata: ["sf.instance": .string(token.instanceURL)])
            return token
        } catch {
            if inflight?.id == id {
                inflight = nil
                if let auth = error as? AuthError, auth.isPermanent { failure = auth }
            }
            logger?.debug("sf.auth.token_failed", metadata: ["sf.auth.kind": .string((error as? AuthError)?.kind.rawValue ?? "other")])
            throw error
        }
    }
}
