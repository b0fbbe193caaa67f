import ConnectorCore
import HTTPTransport
import SalesforceAPI
import Testing

@Suite("Error table")
struct ErrorTableTests {
    @Test("each Salesforce code maps to what to do next", arguments: [
        (401, "INVALID_SESSION_ID", "refresh"),
        (403, "REQUEST_LIMIT_EXCEEDED", "budget"),
        (400, "UNABLE_TO_LOCK_ROW", "retry"),
        (503, "SERVER_UNAVAILABLE", "retry"),
        (500, "UNKNOWN_EXCEPTION", "retry"),
        (400, "INVALID_FIELD", "config"),
        (400, "INVALID_TYPE", "config"),
        (400, "MALFORMED_QUERY", "config"),
        (403, "API_DISABLED_FOR_ORG", "config"),
        (400, "INSUFFICIENT_ACCESS_OR_READONLY", "config"),
        (404, "NOT_FOUND", "config"),
        (400, "REQUIRED_FIELD_MISSING", "skip"),
        (400, "STRING_TOO_LONG", "skip"),
        (400, "DUPLICATES_DETECTED", "skip"),
        (400, "CANNOT_UPDATE_CONVERTED_LEAD", "skip"),
    ])
    func table(status: Int, code: String, expected: String) {
        let d = ErrorTable.disposition(status: status, errorCode: code, attempt: 0)
        switch (d, expected) {
        case (.refreshTokenThenRetry, "refresh"), (.stopForBudget, "budget"), (.retry, "retry"),
             (.failConfiguration, "config"), (.skipRecord, "skip"):
            break
        default:
            Issue.record("\(code) gave \(d), expected \(expected)")
        }
    }

    @Test("a second INVALID_SESSION_ID after a refresh fails instead of looping")
    func sessionOnce() {
        #expect(ErrorTable.disposition(status: 401, errorCode: "INVALID_SESSION_ID", attempt: 1) == .failSystem)
    }

    @Test("retries stop after the bound")
    func bounded() {
        #expect(ErrorTable.disposition(status: 503, errorCode: "SERVER_UNAVAILABLE", attempt: Backoff.maxAttempts) == .failSystem)
    }

    @Test("transport failures retry, TLS failures do not")
    func transport() {
        let reset = TransportError(kind: .connectionReset, url: "https://x/services")
        let tls = TransportError(kind: .tls, url: "https://x/services")
        if case .retry = ErrorTable.disposition(transport: reset, attempt: 0) {} else { Issue.record("reset should retry") }
        #expect(ErrorTable.disposition(transport: tls, attempt: 0) == .failSystem)
    }

    @Test("backoff grows exponentially with jitter and is capped")
    func backoff() {
        #expect(Backoff.delay(attempt: 0, random: 1) == 0.5)
        #expect(Backoff.delay(attempt: 0, random: 0) == 0.25)
        #expect(Backoff.delay(attempt: 3, random: 1) == 4)
        #expect(Backoff.delay(attempt: 20, random: 1) == Backoff.cap)
    }

    @Test("the error's description names the code, the object and what to do")
    func description() {
        let e = SalesforceError.rest(status: 400, errorCode: "INVALID_FIELD",
                                     message: "No such column 'Foo' on entity 'Lead'.", sobject: "Lead", requestID: "r1")
        #expect(e.kind == .configuration)
        #expect(e.description == "The job names a field or object this org does not have (or a malformed query); fix the job's fields against describe and run it again. Salesforce said INVALID_FIELD: No such column 'Foo' on entity 'Lead'. Object: Lead. [request r1]")
    }
}
