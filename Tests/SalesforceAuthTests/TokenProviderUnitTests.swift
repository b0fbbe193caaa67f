import ConnectorCore
import Foundation
import Synchronization
import SalesforceAuth
import Testing

/// A flow that answers from a script, counting calls; each answer is a token or an error.
final class ScriptedFlow: TokenFlow {
    private let script: Mutex<[Result<String, AuthError>]>
    private let calls = Mutex(0)
    let clock: any WallClock

    init(_ script: [Result<String, AuthError>], clock: any WallClock = ManualWallClock()) {
        self.script = Mutex(script)
        self.clock = clock
    }

    var count: Int { calls.withLock { $0 } }

    func fetch() async throws -> TokenGrant {
        calls.withLock { $0 += 1 }
        await Task.yield()
        let next = script.withLock { $0.isEmpty ? Result.failure(AuthError(.tokenEndpointFailed, "script ended")) : $0.removeFirst() }
        let token = try next.get()
        return TokenGrant(accessToken: AccessToken(token: Secret(token), instanceURL: "https://x.example",
                                                   identityURL: nil, issuedAt: clock.now()),
                          refreshToken: nil, scope: nil)
    }
}

@Suite("Token provider rules")
struct TokenProviderUnitTests {
    @Test("a transient failure is not remembered: the next caller tries again")
    func transientRetried() async throws {
        let flow = ScriptedFlow([.failure(AuthError(.tokenEndpointUnreachable, "down")), .success("t1")])
        let provider = TokenProvider(flow: flow, clock: ManualWallClock())
        #expect(await authError { try await provider.token() }?.kind == .tokenEndpointUnreachable)
        #expect(try await provider.token().token.reveal() == "t1")
        #expect(flow.count == 2)
    }

    @Test("a token older than maximumAge by the injected clock is renewed before use")
    func maximumAge() async throws {
        let clock = ManualWallClock()
        let flow = ScriptedFlow([.success("t1"), .success("t2")], clock: clock)
        let provider = TokenProvider(flow: flow, clock: clock, maximumAge: 3600)
        #expect(try await provider.token().token.reveal() == "t1")
        clock.advance(by: 3599)
        #expect(try await provider.token().token.reveal() == "t1")
        clock.advance(by: 1)
        #expect(try await provider.token().token.reveal() == "t2")
        #expect(flow.count == 2)
    }

    @Test("concurrent first callers share one login")
    func concurrentFirstLogin() async throws {
        let flow = ScriptedFlow([.success("t1"), .success("t2")])
        let provider = TokenProvider(flow: flow)
        let values = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await provider.token().token.reveal() } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(values == ["t1"])
        #expect(flow.count == 1)
    }
}
