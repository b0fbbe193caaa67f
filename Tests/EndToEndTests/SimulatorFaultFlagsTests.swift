import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Raw HTTP against a `sfconnect simulator` child process, from what it printed.
struct SimulatorChildOrg {
    let process: ChildProcess
    let fields: [String: String]
    var base: String { fields["base_url"] ?? "" }

    static func launch(_ extra: [String]) async throws -> SimulatorChildOrg {
        let (process, fields) = try await SimulatorCommandTests().launch(extra)
        return SimulatorChildOrg(process: process, fields: fields)
    }

    func send(_ method: String, _ path: String, token: String? = nil, contentType: String? = nil,
              body: String? = nil) async throws -> (status: Int, headers: [String: String], body: Data) {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        request.httpBody = body.map { Data($0.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (k, v) in http.allHeaderFields { headers[String(describing: k).lowercased()] = String(describing: v) }
        return (http.statusCode, headers, data)
    }

    /// An access token from the password grant with the printed credentials.
    func token() async throws -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let form = [("grant_type", "password"), ("client_id", fields["client_id"] ?? ""),
                    ("client_secret", fields["client_secret"] ?? ""), ("username", fields["username"] ?? ""),
                    ("password", (fields["password"] ?? "") + (fields["security_token"] ?? ""))]
            .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        let r = try await send("POST", "/services/oauth2/token", contentType: "application/x-www-form-urlencoded", body: form)
        let object = try JSONSerialization.jsonObject(with: r.body) as? [String: Any]
        return try #require(object?["access_token"] as? String)
    }

    /// The first error object of a REST error array.
    static func firstError(_ body: Data) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]])?.first ?? [:]
    }
}

@Suite("sfconnect simulator: fault, limit and schema flags")
struct SimulatorFaultFlagsTests {
    @Test("--unavailable-rate 1 answers 503 SERVER_UNAVAILABLE and prints the faults it runs with")
    func unavailable() async throws {
        let org = try await SimulatorChildOrg.launch(["--leads", "0", "--unavailable-rate", "1"])
        #expect(org.fields["faults"] == "latency_ms=0 unavailable_rate=1.0 reset_rate=0.0 lock_rate=0.0 query_timeout_rate=0.0")
        let r = try await org.send("GET", "/services/data/")
        #expect(r.status == 503)
        #expect(SimulatorChildOrg.firstError(r.body)["errorCode"] as? String == "SERVER_UNAVAILABLE")
        try await org.process.stop()
    }

    @Test("--latency-ms 300 delays an answer by at least 300 ms")
    func latency() async throws {
        let org = try await SimulatorChildOrg.launch(["--leads", "0", "--latency-ms", "300"])
        let clock = ContinuousClock()
        let start = clock.now
        let r = try await org.send("GET", "/services/data/")
        #expect(clock.now - start >= .milliseconds(300))
        #expect(r.status == 200)
        try await org.process.stop()
    }

    @Test("--lock-rate 1 fails a record write with UNABLE_TO_LOCK_ROW")
    func lock() async throws {
        let org = try await SimulatorChildOrg.launch(["--leads", "0", "--lock-rate", "1"])
        let token = try await org.token()
        let r = try await org.send("POST", "/services/data/v60.0/sobjects/Lead", token: token, contentType: "application/json",
                                   body: #"{"LastName":"Locked","Company":"Acme"}"#)
        #expect(r.status == 400)
        #expect(SimulatorChildOrg.firstError(r.body)["errorCode"] as? String == "UNABLE_TO_LOCK_ROW")
        try await org.process.stop()
    }

    @Test("a fault rate outside 0-1 or a negative latency is a usage error that names the flag", arguments: [
        (["--unavailable-rate", "1.5"], "--unavailable-rate must be a share between 0 and 1 (0.1 fails one request in ten); got 1.5."),
        (["--reset-rate=-0.2"], "--reset-rate must be a share between 0 and 1 (0.1 fails one request in ten); got -0.2."),
        (["--lock-rate", "nan"], "--lock-rate must be a share between 0 and 1"),
        (["--latency-ms=-5"], "--latency-ms must be between 0 and 600000 milliseconds."),
    ])
    func badValues(arguments: [String], message: String) async throws {
        let r = try await CLIRunner.run(["simulator", "--port", "0"] + arguments)
        #expect(r.status == 64)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test("--daily-limit 2 answers the third counted call 403 REQUEST_LIMIT_EXCEEDED")
    func dailyLimit() async throws {
        let org = try await SimulatorChildOrg.launch(["--leads", "0", "--daily-limit", "2"])
        let token = try await org.token()
        let first = try await org.send("GET", "/services/data/v60.0/limits", token: token)
        let second = try await org.send("GET", "/services/data/v60.0/sobjects/Lead/describe", token: token)
        #expect(first.status == 200 && second.status == 200)
        #expect(second.headers["sforce-limit-info"] == "api-usage=2/2")
        let third = try await org.send("GET", "/services/data/v60.0/limits", token: token)
        #expect(third.status == 403)
        let error = SimulatorChildOrg.firstError(third.body)
        #expect(error["errorCode"] as? String == "REQUEST_LIMIT_EXCEEDED")
        #expect(error["message"] as? String == "TotalRequests Limit exceeded.")
        // The versions list is not counted, so it still answers.
        #expect(try await org.send("GET", "/services/data/").status == 200)
        try await org.process.stop()
    }

    @Test("--schema FILE adds its custom field and object: describe shows them")
    func schema() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString).json").path
        try #"""
        {"objects": [
          {"name": "Lead", "fields": [{"name": "Lytics_Audiences__c", "type": "textarea", "length": 32768}]},
          {"name": "Subscription__c", "label": "Subscription", "keyPrefix": "a01",
           "fields": [{"name": "External_Id__c", "type": "string", "length": 64, "externalId": true, "unique": true}]}]}
        """#.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let org = try await SimulatorChildOrg.launch(["--leads", "0", "--schema", path])
        let token = try await org.token()
        let lead = try await org.send("GET", "/services/data/v60.0/sobjects/Lead/describe", token: token)
        #expect(lead.status == 200)
        let fields = (try JSONSerialization.jsonObject(with: lead.body) as? [String: Any])?["fields"] as? [[String: Any]] ?? []
        let audiences = try #require(fields.first { $0["name"] as? String == "Lytics_Audiences__c" })
        #expect(audiences["type"] as? String == "textarea")
        #expect((audiences["length"] as? NSNumber)?.intValue == 32_768)
        #expect(audiences["custom"] as? Bool == true)
        let custom = try await org.send("GET", "/services/data/v60.0/sobjects/Subscription__c/describe", token: token)
        #expect(custom.status == 200)
        let external = ((try JSONSerialization.jsonObject(with: custom.body) as? [String: Any])?["fields"] as? [[String: Any]])?
            .first { $0["name"] as? String == "External_Id__c" }
        #expect(external?["externalId"] as? Bool == true)
        try await org.process.stop()
    }
}
