import ConnectorCore
import Foundation
import HTTPTransport
import Logging

extension SalesforceClient {
    /// Sends `call` and returns the buffered 2xx (or passed-through) response.
    /// - Throws: ``SalesforceError`` after the error table's retries, or the gate's error.
    func send(_ call: RESTCall) async throws -> HTTPResponse {
        try await execute(call) { request in
            let r = try await self.transport.send(request)
            return Exchange(status: r.status, headers: r.headers, requestID: r.requestID,
                            success: call.isAccepted(r.status) && !Self.isTransientPass(r) ? r : nil,
                            errorBody: { r.body })
        }
    }

    /// Sends `call` and returns as soon as a 2xx head arrives; the body streams.
    func stream(_ call: RESTCall) async throws -> HTTPStreamingResponse {
        try await execute(call) { request in
            let r = try await self.transport.stream(request)
            let ok = call.isAccepted(r.status)
            return Exchange(status: r.status, headers: r.headers, requestID: r.requestID, success: ok ? r : nil,
                            errorBody: { try await Self.collect(r.body, limit: 1 << 20) })
        }
    }

    struct Exchange<T: Sendable>: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var requestID: String
        var success: T?
        var errorBody: @Sendable () async throws -> Data
    }

    /// The retry loop shared by buffered and streamed calls.
    func execute<T: Sendable>(_ call: RESTCall,
                              _ exchange: @Sendable (HTTPRequest) async throws -> Exchange<T>) async throws -> T {
        var token = try await tokens.token()
        var refreshed = false
        var attempt = 0
        while true {
            try await gate.acquire(cost: 1, for: purpose)
            let request = makeRequest(call, token: token)
            let answer: Exchange<T>
            do {
                answer = try await exchange(request)
            } catch let error as TransportError {
                let failure = SalesforceError(kind: .transport, message: error.sentence, sobject: call.sobject,
                                              requestID: request.requestID, jobID: call.jobID)
                guard attempt < configuration.maxRetries, call.idempotent || Self.neverReached(error),
                      case .retry(let delay) = ErrorTable.disposition(transport: error, attempt: attempt)
                else { throw failure }
                logger.debug("salesforce transport retry", metadata: ["sf.request_id": "\(request.requestID)"])
                try await pause(delay)
                attempt += 1
                continue
            }
            if let value = answer.headers["Sforce-Limit-Info"], let usage = APIUsage(limitInfoHeader: value) {
                await gate.observe(usage)
            }
            if let success = answer.success { return success }
            let body = try await answer.errorBody()
            let item = RESTErrorItem.first(in: body)
            let error = SalesforceError(
                kind: ErrorTable.kind(status: answer.status, errorCode: item?.code), errorCode: item?.code,
                httpStatus: answer.status, message: item?.message ?? Self.snippet(body), sobject: call.sobject,
                requestID: answer.requestID, fields: item?.fields ?? [], jobID: call.jobID)
            switch ErrorTable.disposition(error, attempt: error.kind == .sessionExpired ? (refreshed ? 1 : 0) : attempt) {
            case .refreshTokenThenRetry:
                token = try await tokens.refresh(after: token)
                refreshed = true
            case .retry(let delay) where attempt < configuration.maxRetries:
                logger.debug("salesforce call retry", metadata: ["sf.request_id": "\(answer.requestID)",
                                                                "sf.error_code": "\(item?.code ?? "")"])
                try await pause(delay)
                attempt += 1
            case .stopForBudget:
                await gate.observeLimitExceeded(for: purpose)
                throw error
            default:
                throw error
            }
        }
    }

    func makeRequest(_ call: RESTCall, token: AccessToken) -> HTTPRequest {
        var base = token.instanceURL
        while base.hasSuffix("/") { base.removeLast() }
        var url = base + (call.path.hasPrefix("/") ? call.path : "/" + call.path)
        if let q = call.query, !q.isEmpty { url += "?" + q }
        var headers = call.headers
        headers.set("Authorization", "Bearer " + token.token.reveal())
        headers.set("Accept-Encoding", "gzip")
        if headers["Accept"] == nil { headers.set("Accept", "application/json") }
        return HTTPRequest(method: call.method, url: url, headers: headers, body: call.body)
    }

    /// Sleeps `seconds` on the injected clock.
    func pause(_ seconds: TimeInterval) async throws {
        try await clock.sleep(until: clock.now().addingTimeInterval(seconds))
    }

    /// Failures that happen before a request can reach the server.
    static func neverReached(_ error: TransportError) -> Bool {
        error.kind == .connectionRefused || error.kind == .dns || error.kind == .proxy
    }

    /// A passed-through error status (a 400 the caller reads itself) whose error is transient
    /// (`UNABLE_TO_LOCK_ROW`): the retry loop handles it like any other transient failure.
    static func isTransientPass(_ r: HTTPResponse) -> Bool {
        guard r.status >= 300, let code = RESTErrorItem.first(in: r.body)?.code else { return false }
        return ErrorTable.kind(status: r.status, errorCode: code) == .transient
    }

    /// The start of a non-JSON error body, for the message.
    static func snippet(_ body: Data) -> String? {
        guard !body.isEmpty else { return nil }
        return String(decoding: body.prefix(300), as: UTF8.self)
    }

    static func collect(_ body: AsyncThrowingStream<Data, any Error>, limit: Int) async throws -> Data {
        var data = Data()
        for try await chunk in body where data.count < limit { data.append(chunk) }
        return data
    }
}
