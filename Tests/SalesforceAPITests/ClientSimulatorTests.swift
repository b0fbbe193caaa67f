import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceAPI
import SalesforceSimulator
import Testing

/// The real client against the simulator over HTTPS on loopback: budget, session and faults.
@Suite("Client against the simulator")
struct ClientSimulatorTests {
    @Test("limits reads DailyApiRequests and every response's Sforce-Limit-Info reaches the gate")
    func limits() async throws {
        try await withClient(.init(dailyLimit: 5000)) { h in
            let limits = try await h.client.limits()
            #expect(limits["DailyApiRequests"]?.max == 5000)
            #expect(limits.dailyAPIRequests?.used == 1)
            let usages = await h.gate.usages
            // Once from the header, once from the body.
            #expect(usages == [APIUsage(used: 1, max: 5000), APIUsage(used: 1, max: 5000)])
            #expect(await h.gate.acquired == 1)
            #expect(await h.gate.purposes == [ClientHarness.purpose])
        }
    }

    @Test("503 SERVER_UNAVAILABLE is retried after a backoff on the injected clock, then succeeds")
    func unavailableThenSuccess() async throws {
        try await withClient { h in
            _ = try await h.tokens.token()
            try await h.admin("POST", "/__admin/faults", json: "{\"serverUnavailableRate\": 1}")
            let harness = h
            h.clock.onSleep { _ = try? await harness.admin("POST", "/__admin/faults", json: "{}") }
            let limits = try await h.client.limits()
            #expect(limits.dailyAPIRequests != nil)
            #expect(h.clock.sleeps.count == 1)
            #expect(h.clock.sleeps[0] >= Backoff.base * 0.5 && h.clock.sleeps[0] <= Backoff.base)
            #expect(await h.gate.acquired == 2)
        }
    }

    @Test("a daily limit of 2 gives REQUEST_LIMIT_EXCEEDED on the third call: the gate hears it and the error says pause")
    func dailyLimit() async throws {
        try await withClient(.init(dailyLimit: 2)) { h in
            _ = try await h.client.limits()
            _ = try await h.client.limits()
            do {
                _ = try await h.client.limits()
                Issue.record("the third call should exceed the limit")
            } catch let e as SalesforceError {
                #expect(e.errorCode == "REQUEST_LIMIT_EXCEEDED")
                #expect(e.httpStatus == 403)
                guard case .stopForBudget = e.disposition else { Issue.record("disposition \(e.disposition)"); return }
                #expect(e.description.contains("pauses with its checkpoint saved"))
            }
            #expect(await h.gate.limitExceeded == [ClientHarness.purpose])
            #expect(h.clock.sleeps.isEmpty, "a spent limit is not retried")
        }
    }

    @Test("tokens expiring mid-run with 10 concurrent requests cause exactly one refresh, and every request succeeds")
    func concurrentExpiry() async throws {
        try await withClient { h in
            _ = try await h.client.limits()
            try await h.admin("POST", "/__admin/expire-tokens")
            try await h.admin("POST", "/__admin/reset-counters")
            let client = h.client
            try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<10 { group.addTask { try await client.limits()["DailyApiRequests"]?.max } }
                for try await max in group { #expect(max == 100_000) }
            }
            #expect(await h.tokens.refreshes >= 1)
            #expect(await h.tokens.logins == 2, "one login at start, one refresh for all ten")
            #expect(try await h.calls()["POST /services/oauth2/token"] == 1)
        }
    }
}
