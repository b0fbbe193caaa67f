import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceAPI
import Testing

/// The error table as the client applies it, one Salesforce answer at a time.
@Suite("Client dispositions")
struct ClientDispositionTests {
    static func client(_ transport: ScriptedTransport, gate: RecordingGate = RecordingGate(),
                       tokens: FixedTokens = FixedTokens(), clock: ManualWallClock = ManualWallClock()) -> SalesforceClient {
        SalesforceClient(transport: transport, tokens: tokens, gate: gate,
                         purpose: CallPurpose(job: "j", priority: .importing), clock: clock)
    }
    static func error(_ code: String, _ message: String = "m", fields: [String] = []) -> String {
        let f = fields.map { "\"\($0)\"" }.joined(separator: ",")
        return "[{\"errorCode\":\"\(code)\",\"message\":\"\(message)\",\"fields\":[\(f)]}]"
    }
    static let limits = "{\"DailyApiRequests\":{\"Max\":100,\"Remaining\":90}}"

    @Test("a failing code throws with the table's disposition and the object and fields", arguments: [
        (400, "INVALID_FIELD", Disposition.failConfiguration),
        (400, "INVALID_TYPE", .failConfiguration),
        (400, "MALFORMED_QUERY", .failConfiguration),
        (403, "API_DISABLED_FOR_ORG", .failConfiguration),
        (403, "INSUFFICIENT_ACCESS_OR_READONLY", .failConfiguration),
        (404, "NOT_FOUND", .failConfiguration),
        (400, "REQUIRED_FIELD_MISSING", .skipRecord),
    ])
    func failing(status: Int, code: String, expected: Disposition) async throws {
        let transport = ScriptedTransport([.respond(status: status, body: Self.error(code, fields: ["Foo__c"]))])
        let client = Self.client(transport)
        do {
            _ = try await client.describe("Lead")
            Issue.record("expected \(code) to throw")
        } catch let e as SalesforceError {
            #expect(e.errorCode == code)
            #expect(e.sobject == "Lead")
            #expect(e.fields == ["Foo__c"])
            #expect(e.disposition == expected)
        }
        #expect(transport.unused == 0)
    }

    @Test("503 and UNABLE_TO_LOCK_ROW retry with growing, jittered, bounded waits, then succeed")
    func retries() async throws {
        let transport = ScriptedTransport([
            .respond(status: 503, body: Self.error("SERVER_UNAVAILABLE")),
            .respond(status: 400, body: Self.error("UNABLE_TO_LOCK_ROW")),
            .fail(.connectionReset),
            .respond(status: 200, body: Self.limits, headers: ["Sforce-Limit-Info": "api-usage=10/100"]),
        ])
        let clock = ManualWallClock()
        let start = clock.now()
        let gate = RecordingGate()
        let limits = try await Self.client(transport, gate: gate, clock: clock).limits()
        #expect(limits.dailyAPIRequests == APIUsage(used: 10, max: 100))
        let waited = clock.now().timeIntervalSince(start)
        // Backoff 0.5, 1, 2 with jitter in [50 %, 100 %]: 1.75 s to 3.5 s on the manual clock.
        #expect(waited >= 1.75 && waited <= 3.5)
        #expect(await gate.acquired == 4)
        #expect(transport.requests.count == 4)
    }

    @Test("retries stop at the bound and the error says it is transient")
    func retryBound() async throws {
        let transport = ScriptedTransport(Array(repeating: .respond(status: 503, body: Self.error("SERVER_UNAVAILABLE")),
                                                count: Backoff.maxAttempts + 1))
        await #expect { try await Self.client(transport).limits() } throws: { e in
            (e as? SalesforceError)?.kind == .transient
        }
        #expect(transport.unused == 0)
    }

    @Test("INVALID_SESSION_ID refreshes once and retries; a second one fails")
    func session() async throws {
        let tokens = FixedTokens()
        let transport = ScriptedTransport([
            .respond(status: 401, body: Self.error("INVALID_SESSION_ID")),
            .respond(status: 200, body: Self.limits),
        ])
        _ = try await Self.client(transport, tokens: tokens).limits()
        #expect(await tokens.refreshes == 1)
        #expect(transport.requests.map { $0.headers["Authorization"] } == ["Bearer 00Dxx!token0", "Bearer 00Dxx!token1"])

        let twice = ScriptedTransport([
            .respond(status: 401, body: Self.error("INVALID_SESSION_ID")),
            .respond(status: 401, body: Self.error("INVALID_SESSION_ID")),
        ])
        await #expect { try await Self.client(twice).limits() } throws: { e in
            (e as? SalesforceError)?.kind == .sessionExpired
        }
    }

    @Test("REQUEST_LIMIT_EXCEEDED tells the gate and throws a budget error without retrying")
    func limitExceeded() async throws {
        let gate = RecordingGate()
        let transport = ScriptedTransport([.respond(status: 403, body: Self.error("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."),
                                                    headers: ["Sforce-Limit-Info": "api-usage=100/100"])])
        await #expect { try await Self.client(transport, gate: gate).limits() } throws: { e in
            guard let e = e as? SalesforceError, case .stopForBudget = e.disposition else { return false }
            return e.description.contains("daily API request limit")
        }
        #expect(await gate.limitExceeded == [CallPurpose(job: "j", priority: .importing)])
        #expect(await gate.usages == [APIUsage(used: 100, max: 100)])
    }

    @Test("a gate that refuses stops the call before it is sent")
    func gateRefuses() async throws {
        let transport = ScriptedTransport([])
        await #expect(throws: RecordingGate.Refused.self) {
            try await Self.client(transport, gate: RecordingGate(allow: 0)).limits()
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("TLS failures are not retried; a create is not retried after a reset connection")
    func noRetry() async throws {
        let tls = ScriptedTransport([.fail(.tls)])
        await #expect { try await Self.client(tls).limits() } throws: { ($0 as? SalesforceError)?.kind == .transport }
        #expect(tls.requests.count == 1)
        let reset = ScriptedTransport([.fail(.connectionReset)])
        await #expect { try await Self.client(reset).create("Lead", records: [["LastName": .string("X")]]) } throws: {
            ($0 as? SalesforceError)?.kind == .transport
        }
        #expect(reset.requests.count == 1)
    }

    @Test("every request carries the bearer token and asks for gzip; the token never reaches an error")
    func headers() async throws {
        let transport = ScriptedTransport([.respond(status: 400, body: Self.error("INVALID_FIELD"))])
        do { _ = try await Self.client(transport).describe("Lead"); Issue.record("expected a throw") } catch {
            #expect(!"\(error)".contains("token0"))
        }
        let r = try #require(transport.requests.first)
        #expect(r.headers["Authorization"] == "Bearer 00Dxx!token0")
        #expect(r.headers["Accept-Encoding"] == "gzip")
        #expect(r.url == "https://org.example.test/services/data/v62.0/sobjects/Lead/describe")
    }
}
