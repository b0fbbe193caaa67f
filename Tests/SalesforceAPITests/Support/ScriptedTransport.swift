import ConnectorCore
import Foundation
import HTTPTransport
import Synchronization

/// A strict fake transport: answers requests from a script in order and records them; a
/// request beyond the script fails the call (and the test) instead of being answered.
final class ScriptedTransport: HTTPTransporting {
    enum Step: Sendable {
        case respond(status: Int, body: String, headers: [String: String] = [:])
        case fail(TransportError.Kind)
    }
    struct Unexpected: Error, CustomStringConvertible { var description: String }

    private let state: Mutex<(steps: [Step], requests: [HTTPRequest])>

    init(_ steps: [Step]) { state = Mutex((steps, [])) }

    var requests: [HTTPRequest] { state.withLock { $0.requests } }
    var unused: Int { state.withLock { $0.steps.count } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let step: Step? = state.withLock { s in
            s.requests.append(request)
            return s.steps.isEmpty ? nil : s.steps.removeFirst()
        }
        switch step {
        case nil: throw Unexpected(description: "unexpected request \(request.method) \(request.url)")
        case .fail(let kind): throw TransportError(kind: kind, url: request.url, requestID: request.requestID)
        case .respond(let status, let body, let headers):
            var h = HTTPHeaders()
            for (k, v) in headers { h.add(k, v) }
            return HTTPResponse(status: status, headers: h, body: Data(body.utf8), requestID: request.requestID)
        }
    }

    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        let r = try await send(request)
        let body = r.body
        return HTTPStreamingResponse(status: r.status, headers: r.headers, requestID: r.requestID,
                                     body: AsyncThrowingStream { c in c.yield(body); c.finish() })
    }
}

/// A token provider with a fixed token that counts refreshes.
actor FixedTokens: AccessTokenProviding {
    private var generation = 0
    private(set) var refreshes = 0
    func token() async throws -> AccessToken { make() }
    func refresh(after rejected: AccessToken) async throws -> AccessToken {
        refreshes += 1
        generation += 1
        return make()
    }
    private func make() -> AccessToken {
        AccessToken(token: Secret("00Dxx!token\(generation)"), instanceURL: "https://org.example.test", issuedAt: Date())
    }
}
