import Definitions
import Foundation
import Testing

/// `reserve_percent` takes what the API budget takes: 0 to 99. A reserve of 100 % would leave
/// sfconnect no calls, so the loader refuses it with its file and line.
@Suite("Authorization reserve_percent")
struct AuthorizationReserveTests {
    static let base = "method: oauth2_refresh_token\nclient_id: i\nclient_secret: ${S}\nrefresh_token: ${S}\n"

    func load(_ reserve: String) throws -> Int {
        try AuthorizationLoader.parse(Self.base + "reserve_percent: \(reserve)\n", file: "/cfg/a.yaml", environment: ["S": "s"])
            .authorization.reservePercent
    }

    @Test("100 is refused at load time with file:line and why: it leaves sfconnect no calls")
    func hundredIsRefused() {
        let p = authProblems { try load("100") }
        #expect(p == ["/cfg/a.yaml:5: reserve_percent: 100 would keep the whole daily API limit for other integrations and leave sfconnect no calls; use a whole number from 0 to 99."], "\(p)")
    }

    @Test("0 and 99 load; 101 and -1 are out of range with the 0 to 99 sentence")
    func range() throws {
        #expect(try load("0") == 0)
        #expect(try load("99") == 99)
        #expect(authProblems { try load("101") } == ["/cfg/a.yaml:5: reserve_percent: 101 is out of range; use a whole number from 0 to 99."])
        #expect(authProblems { try load("-1") } == ["/cfg/a.yaml:5: reserve_percent: -1 is out of range; use a whole number from 0 to 99."])
        #expect(authProblems { try load("all") } == ["/cfg/a.yaml:5: reserve_percent: must be a whole number from 0 to 99."])
    }
}
