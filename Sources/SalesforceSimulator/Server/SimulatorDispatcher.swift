import Foundation

/// Routes every request: OAuth, versions, authenticated REST resources and admin endpoints.
struct SimulatorDispatcher: Sendable {
    static let versions = ["58.0": "Summer '23", "59.0": "Winter '24", "60.0": "Spring '24",
                           "61.0": "Summer '24", "62.0": "Winter '25"]

    let credentials: SimulatorCredentials
    let state: SimulatorState
    let configuration: SimulatorConfiguration
    let baseURL: String
    let providers: [any SimulatorRouteProvider]
    let store: OrgStore

    func handle(_ request: SimulatorRequest) async throws -> SimulatorResponse {
        let path = request.path
        if path.hasPrefix("/__admin/org/") { return OrgAdmin(store: store, now: configuration.now()).handle(request) }
        if path.hasPrefix("/__admin/") { return admin(request) }
        let key = "\(request.method) \(endpointKey(path))"
        state.recordEndpoint(key)
        if state.roll(\.connectionResetRate) {
            var reset = SimulatorResponse(status: 200)
            reset.resetConnection = true
            return reset
        }
        let fault = state.drawFault()
        if fault.latencyMs > 0 { try await Task.sleep(for: .milliseconds(fault.latencyMs)) }
        if fault.unavailable {
            return .restError(503, "SERVER_UNAVAILABLE", "Server is unavailable")
        }
        if path == "/services/oauth2/token" || path == "/services/oauth2/token/" {
            guard request.method == "POST" else { return .restError(405, "METHOD_NOT_ALLOWED", "HTTP Method '\(request.method)' not allowed. Allowed are POST") }
            return OAuthTokenEndpoint(credentials: credentials, state: state, configuration: configuration,
                                      baseURL: baseURL).handle(request)
        }
        if path == "/services/data" || path == "/services/data/" {
            let list = Self.versions.keys.sorted().map {
                ["label": Self.versions[$0]!, "url": "/services/data/v\($0)", "version": $0]
            }
            return .json(200, list)
        }
        guard let (version, rest) = Self.splitVersion(path) else {
            return .restError(404, "NOT_FOUND", "The requested resource does not exist")
        }
        return try await authenticated(request, version: version, rest: rest)
    }

    /// `/services/data/v60.0/limits` → ("60.0", "/limits").
    static func splitVersion(_ path: String) -> (String, String)? {
        let prefix = "/services/data/v"
        guard path.hasPrefix(prefix) else { return nil }
        let after = path.dropFirst(prefix.count)
        let version = after.prefix { $0 != "/" }
        guard !version.isEmpty, Double(version) != nil else { return nil }
        var rest = String(after.dropFirst(version.count))
        if rest == "/" { rest = "" }
        return (String(version), rest)
    }

    private func authenticated(_ request: SimulatorRequest, version: String, rest: String) async throws -> SimulatorResponse {
        let now = configuration.now()
        let auth = request.headers["authorization"] ?? ""
        let token = auth.hasPrefix("Bearer ") ? String(auth.dropFirst(7)) : (auth.hasPrefix("OAuth ") ? String(auth.dropFirst(6)) : "")
        guard !token.isEmpty, state.isValidSession(token, now: now) else {
            return .restError(401, "INVALID_SESSION_ID", "Session expired or invalid")
        }
        let limit = configuration.dailyLimit
        let counted = state.countCall(now: now, limit: limit)
        var response: SimulatorResponse
        if !counted.allowed {
            response = .restError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")
        } else if Self.versions[version] == nil {
            response = .restError(404, "NOT_FOUND", "The requested resource does not exist")
        } else {
            response = try await resource(request, session: .init(apiVersion: version, resourcePath: rest, now: now, org: store,
                                                                    faults: SimulatorFaultDice(state: state)),
                                          used: counted.used)
        }
        response.headers["Sforce-Limit-Info"] = "api-usage=\(counted.used)/\(limit)"
        return response
    }

    private func resource(_ request: SimulatorRequest, session: SimulatorSession, used: Int) async throws -> SimulatorResponse {
        let base = "/services/data/v\(session.apiVersion)"
        switch (request.method, session.resourcePath) {
        case ("GET", ""):
            let names = ["sobjects", "query", "queryAll", "limits", "composite", "jobs", "search", "recent",
                         "tooling", "analytics", "connect"]
            var map: [String: String] = [:]
            for n in names { map[n] = "\(base)/\(n)" }
            map["jobs"] = "\(base)/jobs"
            return .json(200, map)
        case ("GET", "/limits"), ("GET", "/limits/"):
            return .json(200, Self.limits(used: used, max: configuration.dailyLimit))
        default:
            for provider in providers {
                if let answer = try await provider.handle(request, session: session) { return answer }
            }
            return .restError(404, "NOT_FOUND", "The requested resource does not exist")
        }
    }

    static func limits(used: Int, max: Int) -> [String: Any] {
        func pair(_ m: Int, _ r: Int) -> [String: Int] { ["Max": m, "Remaining": r] }
        return [
            "DailyApiRequests": ["Max": max, "Remaining": Swift.max(0, max - used),
                                 "sfconnect": pair(0, 0)] as [String: Any],
            "DailyBulkApiBatches": pair(15000, 15000),
            "DailyBulkV2QueryJobs": pair(10000, 10000),
            "DailyBulkV2QueryFileStorageMB": pair(976_562, 976_562),
            "DailyAsyncApexExecutions": pair(250_000, 250_000),
            "DataStorageMB": pair(1024, 1000),
            "FileStorageMB": pair(20480, 20400),
            "SingleEmail": pair(5000, 5000),
            "MassEmail": pair(5000, 5000),
        ]
    }

    /// Groups call counters by endpoint: ids and versions are normalized away.
    func endpointKey(_ path: String) -> String {
        guard let (_, rest) = Self.splitVersion(path) else { return path }
        return "/services/data/vXX.X" + rest
    }

    private func admin(_ request: SimulatorRequest) -> SimulatorResponse {
        switch (request.method, request.path) {
        case ("GET", "/__admin/calls"):
            let counters = state.endpointCounters()
            return .json(200, ["endpoints": counters, "total": counters.values.reduce(0, +),
                               "apiUsage": state.usage(now: configuration.now())] as [String: Any])
        case ("POST", "/__admin/reset-counters"):
            state.resetCounters()
            return .json(200, ["ok": true])
        case ("POST", "/__admin/expire-tokens"):
            state.expireAllSessions()
            return .json(200, ["ok": true])
        case ("POST", "/__admin/faults"):
            guard let object = try? JSONSerialization.jsonObject(with: request.body) as? [String: Any] else {
                return .restError(400, "JSON_PARSER_ERROR", "body must be a JSON object")
            }
            var faults = SimulatorState.Faults()
            faults.latencyMs = (object["latencyMs"] as? NSNumber)?.intValue ?? 0
            faults.serverUnavailableRate = (object["serverUnavailableRate"] as? NSNumber)?.doubleValue ?? 0
            faults.connectionResetRate = (object["connectionResetRate"] as? NSNumber)?.doubleValue ?? 0
            faults.unableToLockRowRate = (object["unableToLockRowRate"] as? NSNumber)?.doubleValue ?? 0
            faults.queryTimeoutRate = (object["queryTimeoutRate"] as? NSNumber)?.doubleValue ?? 0
            state.setFaults(faults)
            return .json(200, ["ok": true])
        case ("POST", "/__admin/preauthorized"):
            let form = request.formFields
            guard let user = form["username"] else { return .restError(400, "INVALID_REQUEST", "username missing") }
            state.setPreAuthorized(user, form["allowed"] != "false")
            return .json(200, ["ok": true])
        default:
            for case let provider as any SimulatorAdminProvider in providers {
                if let answer = provider.admin(request) { return answer }
            }
            return .restError(404, "NOT_FOUND", "The requested resource does not exist")
        }
    }
}
