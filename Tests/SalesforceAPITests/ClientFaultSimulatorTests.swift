import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceAPI
import SalesforceSimulator
import Testing

/// The real client against the simulator's injected faults and its SOQL errors (not a scripted
/// transport): what is retried, and the disposition of what is not.
@Suite("Client faults and query errors against the simulator")
struct ClientFaultSimulatorTests {
    /// Sets `faults` on the simulator and clears them at the client's first backoff sleep.
    static func faultOnce(_ h: ClientHarness, _ faults: String) async throws {
        _ = try await h.tokens.token()
        try await h.admin("POST", "/__admin/faults", json: faults)
        let harness = h
        h.clock.onSleep { _ = try? await harness.admin("POST", "/__admin/faults", json: "{}") }
    }

    @Test("UNABLE_TO_LOCK_ROW on a single upsert is retried after a backoff, then the upsert succeeds")
    func lockRetried() async throws {
        try await withClient(try WritesSimulatorTests.config()) { h in
            try await Self.faultOnce(h, #"{"unableToLockRowRate": 1}"#)
            try await h.admin("POST", "/__admin/reset-counters")
            let r = try await h.client.upsert("Subscription__c", externalIDField: "External_Id__c", value: "L-1",
                                              record: ["Note__c": .string("after the lock")])
            #expect(r.success && r.created == true && r.id != nil)
            #expect(h.clock.sleeps.count == 1)
            #expect(h.clock.sleeps[0] >= Backoff.base * 0.5 && h.clock.sleeps[0] <= Backoff.base)
            #expect(try await h.calls(matching: "PATCH /services/data/vXX.X/sobjects/Subscription__c") == 2)
            let rows = try await h.client.query("SELECT External_Id__c, Note__c FROM Subscription__c").allRecords()
            #expect(rows.map { $0["Note__c"]?.stringValue } == ["after the lock"])
        }
    }

    @Test("UNABLE_TO_LOCK_ROW that never clears ends, after the bounded retries, as a transient error")
    func lockExhausted() async throws {
        try await withClient(try WritesSimulatorTests.config(), client: .init(maxRetries: 2)) { h in
            try await h.admin("POST", "/__admin/faults", json: #"{"unableToLockRowRate": 1}"#)
            do {
                _ = try await h.client.upsert("Subscription__c", externalIDField: "External_Id__c", value: "L-2",
                                              record: ["Note__c": .string("x")])
                Issue.record("a lock that never clears should fail")
            } catch let e as SalesforceError {
                #expect(e.errorCode == "UNABLE_TO_LOCK_ROW" && e.kind == .transient)
                #expect(e.sobject == "Subscription__c")
            }
            #expect(h.clock.sleeps.count == 2)
        }
    }

    @Test("a reset connection is retried after a backoff, then the query succeeds")
    func resetRetried() async throws {
        try await withClient { h in
            try RESTSimulatorTests.seedLeads(h.sim, 3)
            try await Self.faultOnce(h, #"{"connectionResetRate": 1}"#)
            let rows = try await h.client.query("SELECT Id, Email FROM Lead ORDER BY Email").allRecords()
            #expect(rows.map { $0["Email"]?.stringValue } == ["lead0@example.com", "lead1@example.com", "lead2@example.com"])
            #expect(h.clock.sleeps.count == 1)
            #expect(try await h.calls(matching: "GET /services/data/vXX.X/query") == 2)
        }
    }

    @Test("a reset connection on a single upsert is retried: the record is written once")
    func resetOnUpsert() async throws {
        try await withClient(try WritesSimulatorTests.config()) { h in
            try await Self.faultOnce(h, #"{"connectionResetRate": 1}"#)
            let r = try await h.client.upsert("Subscription__c", externalIDField: "External_Id__c", value: "R-1",
                                              record: ["Note__c": .string("reset")])
            #expect(r.success && r.created == true)
            #expect(h.clock.sleeps.count == 1)
            #expect(try await h.client.count("SELECT COUNT() FROM Subscription__c") == 1)
        }
    }

    @Test("a malformed query fails as configuration with MALFORMED_QUERY, without a retry")
    func malformed() async throws {
        try await withClient { h in
            do {
                _ = try await h.client.query("SELECT Id FRM Lead", sobject: "Lead").allRecords()
                Issue.record("MALFORMED_QUERY expected")
            } catch let e as SalesforceError {
                #expect(e.errorCode == "MALFORMED_QUERY")
                #expect(e.httpStatus == 400)
                #expect(e.disposition == .failConfiguration)
                #expect(e.description.contains("Object: Lead"))
            }
            #expect(h.clock.sleeps.isEmpty)
            #expect(await h.gate.acquired == 1)
        }
    }

    @Test("a query on an unknown object fails as configuration with INVALID_TYPE")
    func unknownObject() async throws {
        try await withClient { h in
            do {
                _ = try await h.client.query("SELECT Id FROM Nope__c").allRecords()
                Issue.record("INVALID_TYPE expected")
            } catch let e as SalesforceError {
                #expect(e.errorCode == "INVALID_TYPE")
                #expect(e.httpStatus == 400)
                #expect(e.disposition == .failConfiguration)
                #expect(e.message?.contains("sObject type 'Nope__c' is not supported") == true)
            }
            #expect(h.clock.sleeps.isEmpty)
        }
    }
}
