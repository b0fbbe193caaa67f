import ConnectorCore
import Definitions
import Foundation
import HTTPTransport
import SalesforceAuth

/// `sfconnect auth check`: logs in with an authorization and reads the org's daily API limit.
public enum AuthCheck {
    /// What the check found.
    public struct Report: Sendable {
        public var name: String?
        public var label: String?
        public var method: String
        public var loginURL: String
        public var orgID: String?
        public var userID: String?
        public var username: String?
        public var instanceURL: String
        public var apiVersion: String
        /// `DailyApiRequests` from `/limits`.
        public var dailyLimit: APIUsage
        public var reservePercent: Int

        /// `key: value` lines, one per fact, as the command prints them.
        public var lines: [String] {
            var out: [String] = []
            if let name { out.append("authorization: \(name)") }
            if let label { out.append("label: \(label)") }
            out += ["method: \(method)", "login_url: \(loginURL)", "org_id: \(orgID ?? "unknown")",
                    "user_id: \(userID ?? "unknown")", "username: \(username ?? "unknown (not part of this method)")",
                    "instance_url: \(instanceURL)", "api_version: \(apiVersion)",
                    "daily_api_requests_max: \(dailyLimit.max)", "daily_api_requests_remaining: \(dailyLimit.remaining)",
                    "reserve_percent: \(reservePercent)"]
            return out
        }
    }

    /// Loads `argument` (an authorization file, a job file with `authorization:`, or a name),
    /// logs in and reads `/limits`.
    /// - Returns: the report and the loader's warnings (literal secrets), for the caller to show.
    /// - Throws: ``DefinitionErrors`` for configuration problems; ``AuthError`` when the login
    ///   or the limits call fails.
    public static func run(_ argument: String, environment: [String: String], workingDirectory: String,
                           clock: any WallClock = SystemWallClock()) async throws -> (Report, [DefinitionError]) {
        let loaded = try AuthorizationLoader.locate(argument, environment: environment, workingDirectory: workingDirectory)
        let store = FileRefreshTokenStore(environment: environment, workingDirectory: workingDirectory)
        let report = try await check(loaded.authorization, environment: environment, clock: clock, refreshTokens: store)
        return (report, loaded.warnings)
    }

    /// Logs in with `authorization` and reads `DailyApiRequests` from `/limits`.
    /// - Throws: ``AuthError``.
    public static func check(_ authorization: Authorization, environment: [String: String],
                             clock: any WallClock = SystemWallClock(),
                             refreshTokens: any RefreshTokenStore) async throws -> Report {
        let transport = CurlTransport(configuration: TransportConfiguration(caFile: authorization.caFile, environment: environment))
        let provider = try TokenProvider(authorization: authorization, transport: transport, clock: clock,
                                         refreshTokens: refreshTokens)
        var token = try await provider.token()
        var usage = try await AuthCheckLimits.fetch(token: token, apiVersion: authorization.apiVersion, transport: transport)
        if usage == nil {
            token = try await provider.refresh(after: token)
            usage = try await AuthCheckLimits.fetch(token: token, apiVersion: authorization.apiVersion, transport: transport)
        }
        guard let usage else {
            throw AuthError(.limitsUnavailable,
                            "Salesforce issued a token but rejected it at once (INVALID_SESSION_ID); check that the connected app's OAuth scopes include api.")
        }
        return Report(name: authorization.name, label: authorization.label, method: authorization.method.name,
                      loginURL: authorization.loginURL, orgID: token.orgId, userID: token.userId,
                      username: authorization.username, instanceURL: token.instanceURL,
                      apiVersion: authorization.apiVersion, dailyLimit: usage, reservePercent: authorization.reservePercent)
    }
}
