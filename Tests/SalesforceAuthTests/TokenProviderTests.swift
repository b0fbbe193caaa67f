import ConnectorCore
import Foundation
import SalesforceAuth
import Testing

@Suite("Token provider against the simulator")
struct TokenProviderTests {
    @Test("the token is cached: two callers, one login")
    func cached() async throws {
        try await withOrg { org in
            let provider = try org.provider(org.password())
            let a = try await provider.token(), b = try await provider.token()
            #expect(a.token == b.token)
            #expect(try await org.tokenCalls() == 1)
        }
    }

    @Test("after the tokens expire mid-run, 10 concurrent refresh(after:) callers share one token request")
    func singleFlightRefresh() async throws {
        try await withOrg { org in
            let provider = try org.provider(org.jwt())
            let first = try await provider.token()
            try await org.admin("/__admin/expire-tokens")
            #expect(try await org.limitsStatus(first) == 401)
            let before = try await org.tokenCalls()
            let tokens = try await withThrowingTaskGroup(of: AccessToken.self) { group in
                for _ in 0..<10 { group.addTask { try await provider.refresh(after: first) } }
                var out: [AccessToken] = []
                for try await t in group { out.append(t) }
                return out
            }
            #expect(tokens.count == 10)
            #expect(Set(tokens.map(\.token)).count == 1)
            #expect(tokens[0].token != first.token)
            #expect(try await org.tokenCalls() - before == 1)
            #expect(try await org.limitsStatus(tokens[0]) == 200)
            // A late caller holding the old token gets the new one without another request.
            #expect(try await provider.refresh(after: first).token == tokens[0].token)
            #expect(try await org.tokenCalls() - before == 1)
        }
    }

    @Test("invalid_grant fails fast and is remembered: no second token request")
    func invalidGrantNotRetried() async throws {
        try await withOrg { org in
            let provider = try org.provider(org.password(password: "Wrong-Pass-7Q2"))
            var kinds: [AuthError.Kind] = []
            for _ in 0..<5 {
                if let e = await authError({ try await provider.token() }) { kinds.append(e.kind) }
            }
            let stale = AccessToken(token: Secret("00Dold!x"), instanceURL: org.sim.baseURL, issuedAt: Date())
            let concurrent = await withTaskGroup(of: AuthError?.self) { group in
                for _ in 0..<5 { group.addTask { await authError { try await provider.refresh(after: stale) } } }
                var n = 0
                for await e in group where e?.kind == .authenticationFailed { n += 1 }
                return n
            }
            #expect(kinds == Array(repeating: .authenticationFailed, count: 5))
            #expect(concurrent == 5)
            #expect(try await org.tokenCalls() == 1)
            #expect(await provider.requestsStarted == 1)
        }
    }

    @Test("replacing the flow after a remembered failure logs in again")
    func replaceClearsFailure() async throws {
        try await withOrg { org in
            let provider = try org.provider(org.refresh(token: "5AepRevoked-Token-3"))
            #expect(await authError { try await provider.token() }?.kind == .refreshTokenRevoked)
            let good = try TokenFlows.make(for: org.refresh(), transport: org.transport, clock: SystemWallClock(),
                                           refreshTokens: MemoryRefreshTokenStore())
            await provider.replace(flow: good)
            _ = try await provider.token()
            #expect(try await org.tokenCalls() == 2)
        }
    }
}
