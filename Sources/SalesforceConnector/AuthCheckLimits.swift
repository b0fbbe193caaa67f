import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceAuth

/// `GET {instance}/services/data/v{v}/limits` with the bearer token, straight over the
/// transport (the auth check needs nothing more of the REST client).
enum AuthCheckLimits {
    private struct Limits: Decodable {
        struct Pair: Decodable {
            var Max: Int
            var Remaining: Int
        }
        var DailyApiRequests: Pair?
    }

    private struct RESTError: Decodable {
        var errorCode: String?
    }

    /// The org's daily API usage, or nil when the token was rejected (`401 INVALID_SESSION_ID`).
    /// - Throws: ``AuthError`` (`limitsUnavailable`, `tokenEndpointUnreachable`).
    static func fetch(token: AccessToken, apiVersion: String, transport: any HTTPTransporting) async throws -> APIUsage? {
        let url = "\(token.instanceURL)/services/data/v\(apiVersion)/limits"
        var headers = HTTPHeaders()
        headers.set("Authorization", "Bearer " + token.token.reveal())
        headers.set("Accept", "application/json")
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(url: url, headers: headers, timeout: 60))
        } catch let error as TransportError {
            throw AuthError(.tokenEndpointUnreachable, error.sentence, reason: error.detail)
        }
        if response.status == 401 { return nil }
        guard response.status == 200 else {
            let code = (try? JSONDecoder().decode([RESTError].self, from: response.body))?.first?.errorCode
            let hint = response.status == 404
                ? "check api_version (\(apiVersion)) against the versions the org offers"
                : "check that the integration user has the API Enabled permission"
            throw AuthError(.limitsUnavailable,
                            "Logged in, but GET \(url) answered HTTP \(response.status); \(hint).",
                            code: code.map(OAuthErrorTable.safe) ?? "HTTP \(response.status)")
        }
        guard let limits = try? JSONDecoder().decode(Limits.self, from: response.body), let daily = limits.DailyApiRequests else {
            throw AuthError(.limitsUnavailable, "Logged in, but \(url) did not report DailyApiRequests; check the instance URL and api_version.")
        }
        return APIUsage(used: max(0, daily.Max - daily.Remaining), max: daily.Max)
    }
}
