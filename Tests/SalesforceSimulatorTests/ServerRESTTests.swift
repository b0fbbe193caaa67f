import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Simulator REST core: sessions, limits, admin")
struct ServerRESTTests {
    @Test("The versions list needs no session and is not counted")
    func versions() async throws {
        try await withSimulator { sim in
            let r = try await Wire.get(sim, "/services/data/", token: nil)
            #expect(r.status == 200)
            #expect(r.headers["sforce-limit-info"] == nil)
            #expect(r.array.contains { $0["version"] as? String == "60.0" && $0["url"] as? String == "/services/data/v60.0" })
            #expect(sim.state.usage(now: Date()) == 0)
        }
    }

    @Test("A REST call without a session or with an expired one is answered 401 INVALID_SESSION_ID")
    func invalidSession() async throws {
        try await withSimulator { sim in
            let none = try await Wire.get(sim, "/services/data/v60.0/", token: nil)
            #expect(none.status == 401)
            #expect(none.array.first?["errorCode"] as? String == "INVALID_SESSION_ID")
            #expect(none.array.first?["message"] as? String == "Session expired or invalid")
            let token = try await Wire.accessToken(sim)
            let ok = try await Wire.get(sim, "/services/data/v60.0/", token: token)
            #expect(ok.status == 200)
            #expect(ok.object["limits"] as? String == "/services/data/v60.0/limits")
            let expire = try await Wire.send("POST", sim.baseURL + "/__admin/expire-tokens")
            #expect(expire.status == 200)
            let after = try await Wire.get(sim, "/services/data/v60.0/", token: token)
            #expect(after.status == 401)
            #expect(after.array.first?["errorCode"] as? String == "INVALID_SESSION_ID")
        }
    }

    @Test("A token older than the configured lifetime is refused")
    func tokenLifetime() async throws {
        let clock = TestClock()
        try await withSimulator(.init(tokenLifetime: 60, now: { clock.now })) { sim in
            let token = try await Wire.accessToken(sim)
            #expect(try await Wire.get(sim, "/services/data/v60.0/", token: token).status == 200)
            clock.advance(61)
            #expect(try await Wire.get(sim, "/services/data/v60.0/", token: token).status == 401)
        }
    }

    @Test("Every counted call reports Sforce-Limit-Info and the daily limit ends in 403 REQUEST_LIMIT_EXCEEDED")
    func dailyLimit() async throws {
        try await withSimulator(.init(dailyLimit: 3)) { sim in
            let token = try await Wire.accessToken(sim)
            for used in 1...3 {
                let r = try await Wire.get(sim, "/services/data/v60.0/", token: token)
                #expect(r.status == 200)
                #expect(r.headers["sforce-limit-info"] == "api-usage=\(used)/3")
            }
            let over = try await Wire.get(sim, "/services/data/v60.0/", token: token)
            #expect(over.status == 403)
            #expect(over.array.first?["errorCode"] as? String == "REQUEST_LIMIT_EXCEEDED")
            #expect(over.array.first?["message"] as? String == "TotalRequests Limit exceeded.")
            #expect(over.headers["sforce-limit-info"] == "api-usage=3/3")
        }
    }

    @Test("GET /limits reports DailyApiRequests with Max and Remaining")
    func limits() async throws {
        try await withSimulator(.init(dailyLimit: 500)) { sim in
            let token = try await Wire.accessToken(sim)
            _ = try await Wire.get(sim, "/services/data/v60.0/", token: token)
            let r = try await Wire.get(sim, "/services/data/v60.0/limits", token: token)
            #expect(r.status == 200)
            let daily = try #require(r.object["DailyApiRequests"] as? [String: Any])
            #expect((daily["Max"] as? NSNumber)?.intValue == 500)
            #expect((daily["Remaining"] as? NSNumber)?.intValue == 498)
            #expect(r.object["DailyBulkApiBatches"] is [String: Any])
            #expect(r.headers["sforce-limit-info"] == "api-usage=2/500")
        }
    }

    @Test("Admin call counters count per endpoint and reset")
    func adminCounters() async throws {
        try await withSimulator { sim in
            let token = try await Wire.accessToken(sim)
            _ = try await Wire.get(sim, "/services/data/v60.0/limits", token: token)
            _ = try await Wire.get(sim, "/services/data/v60.0/limits", token: token)
            let calls = try await Wire.send("GET", sim.baseURL + "/__admin/calls")
            let endpoints = try #require(calls.object["endpoints"] as? [String: Any])
            #expect((endpoints["GET /services/data/vXX.X/limits"] as? NSNumber)?.intValue == 2)
            #expect((endpoints["POST /services/oauth2/token"] as? NSNumber)?.intValue == 1)
            #expect((calls.object["total"] as? NSNumber)?.intValue == 3)
            _ = try await Wire.send("POST", sim.baseURL + "/__admin/reset-counters")
            let after = try await Wire.send("GET", sim.baseURL + "/__admin/calls")
            #expect((after.object["total"] as? NSNumber)?.intValue == 0)
            let unknown = try await Wire.get(sim, "/services/data/v60.0/nothing-here", token: token)
            #expect(unknown.status == 404)
            #expect(unknown.array.first?["errorCode"] as? String == "NOT_FOUND")
        }
    }

    @Test("Fault injection answers 503 SERVER_UNAVAILABLE at the configured rate")
    func faults() async throws {
        try await withSimulator { sim in
            let token = try await Wire.accessToken(sim)
            let on = try await Wire.send("POST", sim.baseURL + "/__admin/faults",
                                         headers: ["Content-Type": "application/json"],
                                         body: Data(#"{"latencyMs":1,"serverUnavailableRate":1}"#.utf8))
            #expect(on.status == 200)
            let r = try await Wire.get(sim, "/services/data/v60.0/limits", token: token)
            #expect(r.status == 503)
            #expect(r.array.first?["errorCode"] as? String == "SERVER_UNAVAILABLE")
            #expect(r.array.first?["message"] as? String == "Server is unavailable")
            _ = try await Wire.send("POST", sim.baseURL + "/__admin/faults",
                                    body: Data(#"{"serverUnavailableRate":0}"#.utf8))
            #expect(try await Wire.get(sim, "/services/data/v60.0/limits", token: token).status == 200)
        }
    }
}

/// A settable clock for the simulator.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date()
    var now: Date { lock.lock(); defer { lock.unlock() }; return current }
    func advance(_ seconds: TimeInterval) { lock.lock(); current += seconds; lock.unlock() }
}
