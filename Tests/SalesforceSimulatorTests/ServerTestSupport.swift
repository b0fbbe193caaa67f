import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import SalesforceSimulator

/// One HTTP exchange as the tests see it.
struct WireResponse {
    var status: Int
    /// Header names lower-cased.
    var headers: [String: String]
    var body: Data
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    var array: [[String: Any]] { (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? [] }
}

enum Wire {
    static let session: URLSession = {
        let c = URLSessionConfiguration.ephemeral
        c.httpCookieStorage = nil
        c.urlCache = nil
        c.requestCachePolicy = .reloadIgnoringLocalCacheData
        return URLSession(configuration: c)
    }()

    static func send(_ method: String, _ url: String, headers: [String: String] = [:],
                     body: Data? = nil) async throws -> WireResponse {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var out: [String: String] = [:]
        for (k, v) in http.allHeaderFields { out[String(describing: k).lowercased()] = String(describing: v) }
        return WireResponse(status: http.statusCode, headers: out, body: data)
    }

    static func form(_ fields: [(String, String)]) -> Data {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let text = fields.map { k, v in
            "\(k)=\(v.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
        return Data(text.utf8)
    }

    static func token(_ sim: RunningSimulator, _ fields: [(String, String)]) async throws -> WireResponse {
        try await send("POST", sim.baseURL + "/services/oauth2/token",
                       headers: ["Content-Type": "application/x-www-form-urlencoded"], body: form(fields))
    }

    static func passwordGrant(_ sim: RunningSimulator, password: String? = nil,
                              secret: String? = nil) async throws -> WireResponse {
        let c = sim.credentials
        return try await token(sim, [("grant_type", "password"), ("client_id", c.clientId),
                                     ("client_secret", secret ?? c.clientSecret), ("username", c.username),
                                     ("password", password ?? c.passwordWithToken)])
    }

    /// A fresh access token from the password grant.
    static func accessToken(_ sim: RunningSimulator) async throws -> String {
        try await passwordGrant(sim).object["access_token"] as? String ?? ""
    }

    static func get(_ sim: RunningSimulator, _ path: String, token: String?,
                    headers: [String: String] = [:]) async throws -> WireResponse {
        var all = headers
        if let token { all["Authorization"] = "Bearer \(token)" }
        return try await send("GET", sim.baseURL + path, headers: all)
    }

    /// `GET /services/data/v60.0/query?q=` with the SOQL percent-encoded.
    static func query(_ sim: RunningSimulator, _ soql: String, token: String, all: Bool = false,
                      headers: [String: String] = [:]) async throws -> WireResponse {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let q = soql.addingPercentEncoding(withAllowedCharacters: allowed)!
        return try await get(sim, "/services/data/v60.0/\(all ? "queryAll" : "query")?q=\(q)", token: token,
                             headers: headers)
    }
}

/// Runs `body` against a fresh simulator and stops it afterwards.
func withSimulator<T>(_ configuration: SimulatorConfiguration = .init(), store: OrgStore? = nil,
                      _ body: (RunningSimulator) async throws -> T) async throws -> T {
    let sim = try await SalesforceSimulatorServer.start(configuration, store: store)
    do {
        let result = try await body(sim)
        await sim.stop()
        return result
    } catch {
        await sim.stop()
        throw error
    }
}
