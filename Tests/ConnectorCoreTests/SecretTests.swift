import ConnectorCore
import Foundation
import Testing

@Suite("Secret")
struct SecretTests {
    @Test("prints <redacted> in every rendering")
    func redacted() {
        let s = Secret("hunter2")
        #expect("\(s)" == "<redacted>")
        #expect(String(describing: s) == "<redacted>")
        #expect(String(reflecting: s) == "Secret(<redacted>)")
        #expect(!"\([s])".contains("hunter2"))
        #expect(s.reveal() == "hunter2")
    }
}

@Suite("APIUsage")
struct APIUsageTests {
    @Test("parses the first api-usage pair of Sforce-Limit-Info")
    func parse() {
        let u = APIUsage(limitInfoHeader: "api-usage=18/100000; per-app-api-usage=17/250(appName=x)")
        #expect(u == APIUsage(used: 18, max: 100_000))
        #expect(u?.remaining == 99_982)
    }

    @Test("returns nil without an api-usage pair or with junk")
    func junk() {
        #expect(APIUsage(limitInfoHeader: "api-bursts=1/750") == nil)
        #expect(APIUsage(limitInfoHeader: "api-usage=x/100") == nil)
    }
}

@Suite("JSONValue")
struct JSONValueTests {
    @Test("keeps explicit nulls when encoding")
    func nulls() throws {
        let v = JSONValue.object(["Title": .null, "Name": .string("A")])
        let enc = JSONEncoder()
        enc.outputFormatting = .sortedKeys
        let text = String(decoding: try enc.encode(v), as: UTF8.self)
        #expect(text == #"{"Name":"A","Title":null}"#)
    }

    @Test("round-trips numbers, booleans and nesting")
    func roundTrip() throws {
        let text = #"{"a":[1,2.5,true,"x",null],"b":{"c":false}}"#
        let v = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(v["a"]?.arrayValue?.count == 5)
        #expect(v["b"]?["c"] == .bool(false))
        let again = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(v))
        #expect(again == v)
    }
}

@Suite("ManualWallClock")
struct ManualWallClockTests {
    @Test("sleep(until:) advances the clock instead of waiting")
    func sleepAdvances() async throws {
        let clock = ManualWallClock()
        let start = clock.now()
        try await clock.sleep(until: start.addingTimeInterval(86_400))
        #expect(clock.now() == start.addingTimeInterval(86_400))
    }
}

@Suite("AccessToken")
struct AccessTokenTests {
    @Test("reads org and user ids from the identity URL")
    func ids() {
        let t = AccessToken(token: Secret("t"), instanceURL: "https://x",
                            identityURL: "https://login.salesforce.com/id/00D000000000001AAA/005000000000001AAA",
                            issuedAt: Date())
        #expect(t.orgId == "00D000000000001AAA")
        #expect(t.userId == "005000000000001AAA")
    }
}
