import Foundation

/// A request as the simulator's route handlers see it (independent of Hummingbird).
public struct SimulatorRequest: Sendable {
    public var method: String
    /// Path without query string.
    public var path: String
    public var query: [String: String]
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: Data

    /// `application/x-www-form-urlencoded` body fields.
    public var formFields: [String: String] { Self.parseForm(String(decoding: body, as: UTF8.self)) }

    static func parseForm(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            let key = decode(parts[0])
            out[key] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return out
    }
}

/// A response produced by a route handler.
public struct SimulatorResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response from a JSONSerialization-compatible value.
    public static func json(_ status: Int, _ object: Any) -> SimulatorResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return SimulatorResponse(status: status, headers: ["Content-Type": "application/json;charset=UTF-8"],
                                 body: data)
    }

    /// A REST error array (§2.2).
    public static func restError(_ status: Int, _ errorCode: String, _ message: String) -> SimulatorResponse {
        json(status, [["message": message, "errorCode": errorCode]])
    }

    /// An OAuth error object (§1.6).
    static func oauthError(_ error: String, _ description: String, status: Int = 400) -> SimulatorResponse {
        json(status, ["error": error, "error_description": description])
    }
}

/// What an authenticated REST route handler knows about the caller.
public struct SimulatorSession: Sendable {
    public let apiVersion: String
    /// Path after `/services/data/v{v}` (starts with `/`, or is empty).
    public let resourcePath: String
    public let now: Date
    /// The org's records and schema (see ``OrgStore`` for the write API).
    public let org: OrgStore
    /// Fault rolls configured through `/__admin/faults` (e.g. `UNABLE_TO_LOCK_ROW` for writes).
    public let faults: SimulatorFaultDice
}

/// The seam for later REST resources (query, describe, sobjects, ...). A provider answers a
/// request under `/services/data/v{v}/` after authentication and limit counting, or returns
/// nil to let the next provider (and finally a 404 NOT_FOUND) answer.
public protocol SimulatorRouteProvider: Sendable {
    func handle(_ request: SimulatorRequest, session: SimulatorSession) async throws -> SimulatorResponse?
}
