import Foundation
import Testing
@testable import SalesforceSimulator

/// A simulator with a session, for write tests: raw HTTP helpers relative to `/services/data/v60.0`.
struct Org {
    static let version = "v60.0"
    /// Custom fields the write tests rely on.
    static let schemaJSON = """
    {"objects": [
      {"name": "Lead", "fields": [
        {"name": "Ext_Key__c", "type": "string", "length": 40, "externalId": true},
        {"name": "Lytics_Audiences__c", "type": "textarea", "length": 32768}]},
      {"name": "Contact", "fields": [
        {"name": "Ext_Id__c", "type": "string", "length": 40, "externalId": true, "unique": true},
        {"name": "Lytics_Audiences__c", "type": "textarea", "length": 32768}]}]}
    """

    let sim: RunningSimulator
    let token: String

    var base: String { sim.baseURL + "/services/data/" + Self.version }

    func call(_ method: String, _ path: String, json: Any? = nil, headers: [String: String] = [:]) async throws -> WireResponse {
        var h = headers
        h["Authorization"] = "Bearer \(token)"
        var body: Data?
        if let json {
            body = try JSONSerialization.data(withJSONObject: json)
            h["Content-Type"] = "application/json"
        }
        return try await Wire.send(method, base + path, headers: h, body: body)
    }

    func raw(_ method: String, _ path: String, body: String, contentType: String) async throws -> WireResponse {
        try await Wire.send(method, base + path, headers: ["Authorization": "Bearer \(token)", "Content-Type": contentType],
                            body: Data(body.utf8))
    }

    func admin(_ method: String, _ path: String, json: Any? = nil) async throws -> WireResponse {
        try await Wire.send(method, sim.baseURL + "/__admin/" + path, headers: ["Content-Type": "application/json"],
                            body: try json.map { try JSONSerialization.data(withJSONObject: $0) })
    }

    /// Creates a record through REST and returns its Id (the test fails when the create fails).
    func create(_ object: String, _ fields: [String: Any]) async throws -> String {
        let r = try await call("POST", "/sobjects/\(object)", json: fields)
        #expect(r.status == 201, "create \(object): \(String(decoding: r.body, as: UTF8.self))")
        return try #require(r.object["id"] as? String)
    }

    /// A record's fields as REST returns them.
    func get(_ object: String, _ id: String) async throws -> [String: Any] {
        try await call("GET", "/sobjects/\(object)/\(id)").object
    }
}

extension WireResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
    /// The first error of a REST error array.
    var firstError: [String: Any] { array.first ?? [:] }
}

/// Runs `body` against a fresh simulator with an empty org of the write-test schema and a session.
func withOrg<T>(_ configuration: SimulatorConfiguration = .init(), _ body: (Org) async throws -> T) async throws -> T {
    let file = try SchemaFile.parse(Data(Org.schemaJSON.utf8), path: "write-tests.json")
    let store = OrgStore(schema: try OrgSchema().applying(file), clock: configuration.now)
    let sim = try await SalesforceSimulatorServer.start(configuration, store: store)
    do {
        let result = try await body(Org(sim: sim, token: try await Wire.accessToken(sim)))
        await sim.stop()
        return result
    } catch {
        await sim.stop()
        throw error
    }
}
