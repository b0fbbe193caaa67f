import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Simulator org admin endpoints and faults")
struct OrgAdminTests {
    static func post(_ sim: RunningSimulator, _ path: String, _ json: String) async throws -> WireResponse {
        try await Wire.send("POST", sim.baseURL + path, headers: ["Content-Type": "application/json"], body: Data(json.utf8))
    }

    @Test("update makes new versions sharing one SystemModstamp; a mass update gives thousands one stamp")
    func updateAndMassUpdate() async throws {
        let clock = TestClock()
        let (store, _, contacts) = try QueryFixture.store(contacts: 2998)
        try await withSimulator(.init(now: { clock.now }), store: store) { sim in
            clock.advance(10)
            let r = try await Self.post(sim, "/__admin/org/update", #"{"object":"Contact","count":3,"values":{"Title":"CTO"}}"#)
            #expect(r.status == 200 && (r.object["ids"] as? [String]) == Array(contacts.prefix(3)))
            let token = try await Wire.accessToken(sim)
            let stamp = try #require(r.object["systemModstamp"] as? String)
            let q = try await Wire.query(sim, "SELECT Id, Title, SystemModstamp FROM Contact WHERE Title = 'CTO'", token: token)
            let rows = q.object["records"] as? [[String: Any]] ?? []
            #expect(rows.count == 3 && rows.allSatisfy { $0["SystemModstamp"] as? String == stamp })
            clock.advance(10)
            let mass = try await Self.post(sim, "/__admin/org/mass-update", #"{"object":"Contact","count":3000,"systemOnly":true}"#)
            let massStamp = try #require(mass.object["systemModstamp"] as? String)
            let same = try await Wire.query(sim, "SELECT COUNT() FROM Contact WHERE SystemModstamp = \(massStamp.prefix(19))Z", token: token)
            #expect((same.object["totalSize"] as? NSNumber)?.intValue == 3000)
            let kept = try await Wire.query(sim, "SELECT COUNT() FROM Contact WHERE LastModifiedDate = \(massStamp.prefix(19))Z", token: token)
            #expect((kept.object["totalSize"] as? NSNumber)?.intValue == 0)
        }
    }

    @Test("a late commit writes a version older than the ones already served")
    func lateCommit() async throws {
        let clock = TestClock()
        let (store, _, contacts) = try QueryFixture.store(contacts: 3)
        try await withSimulator(.init(now: { clock.now }), store: store) { sim in
            clock.advance(3600)
            _ = try await Self.post(sim, "/__admin/org/update", #"{"object":"Contact","ids":["\#(contacts[0])"]}"#)
            let late = try await Self.post(sim, "/__admin/org/late-commit", #"{"object":"Contact","ids":["\#(contacts[1])"],"secondsAgo":600}"#)
            #expect(late.status == 200)
            let v0 = try #require(store.values(id: contacts[0])?.values["SystemModstamp"])
            let v1 = try #require(store.values(id: contacts[1])?.values["SystemModstamp"])
            guard case .datetime(let d0) = v0, case .datetime(let d1) = v1 else { Issue.record("no stamps"); return }
            #expect(d1 < d0 && d0.timeIntervalSince(d1) >= 599)
        }
    }

    @Test("create, delete and counts; bad bodies are 400 with a reason")
    func createDeleteCounts() async throws {
        try await withSimulator { sim in
            let made = try await Self.post(sim, "/__admin/org/create",
                                           #"{"object":"Lead","records":[{"LastName":"A","Company":"C","NumberOfEmployees":5},{"LastName":"B","Company":"D"}]}"#)
            let ids = try #require(made.object["ids"] as? [String])
            #expect(ids.count == 2 && ids.allSatisfy { $0.hasPrefix("00Q") })
            _ = try await Self.post(sim, "/__admin/org/delete", #"{"object":"Lead","ids":["\#(ids[0])"]}"#)
            let counts = try await Wire.send("GET", sim.baseURL + "/__admin/org/counts")
            #expect((counts.object["Lead"] as? NSNumber)?.intValue == 1)
            for (path, body, code) in [("/__admin/org/create", "nope", "JSON_PARSER_ERROR"),
                                       ("/__admin/org/create", #"{"object":"Nope__c","records":[]}"#, "INVALID_TYPE"),
                                       ("/__admin/org/create", #"{"object":"Lead","records":[{"Bogus":1}]}"#, "INVALID_REQUEST"),
                                       ("/__admin/org/update", #"{"object":"Lead","stamp":"soon"}"#, "INVALID_REQUEST")] {
                let r = try await Self.post(sim, path, body)
                #expect(r.status == 400 && r.array.first?["errorCode"] as? String == code, "\(body)")
                #expect((r.array.first?["message"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test("faults: QUERY_TIMEOUT on queries, UNABLE_TO_LOCK_ROW rolls for writes, connection resets")
    func faults() async throws {
        try await withSimulator { sim in
            let token = try await Wire.accessToken(sim)
            _ = try await Self.post(sim, "/__admin/faults", #"{"queryTimeoutRate":1,"unableToLockRowRate":1}"#)
            let r = try await Wire.query(sim, "SELECT Id FROM Lead", token: token)
            #expect(r.status == 400 && r.array.first?["errorCode"] as? String == "QUERY_TIMEOUT")
            #expect(r.array.first?["message"] as? String == "Your query request was running for too long.")
            let dice = SimulatorFaultDice(state: sim.state)
            #expect(dice.unableToLockRow())
            _ = try await Self.post(sim, "/__admin/faults", #"{"connectionResetRate":1}"#)
            #expect(!dice.unableToLockRow() && !dice.queryTimeout())
            await #expect(throws: (any Error).self) { _ = try await Wire.get(sim, "/services/data/v60.0/limits", token: token) }
            _ = try await Self.post(sim, "/__admin/faults", #"{}"#)
            #expect(try await Wire.get(sim, "/services/data/v60.0/limits", token: token).status == 200)
        }
    }
}
