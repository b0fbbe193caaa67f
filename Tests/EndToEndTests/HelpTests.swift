import Foundation
import Testing

@Suite("sfconnect command line")
struct HelpTests {
    @Test("--help lists the commands and exits 0")
    func help() async throws {
        let r = try await CLIRunner.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: sfconnect"))
        #expect(r.stdout.contains("bench"))
        #expect(r.stdout.contains("version"))
    }

    @Test("version prints the version")
    func version() async throws {
        let r = try await CLIRunner.run(["version"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("sfconnect "))
    }

    @Test("an unknown command is a usage error with a message")
    func unknownCommand() async throws {
        let r = try await CLIRunner.run(["frobnicate"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("Unexpected argument 'frobnicate'"))
    }

    @Test("bench http rejects a URL without a scheme")
    func benchBadURL() async throws {
        let r = try await CLIRunner.run(["bench", "http", "--url", "example.com"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--url must start with http:// or https://."))
    }

    @Test("bench http against a closed port says nothing is listening")
    func benchRefused() async throws {
        let r = try await CLIRunner.run(["bench", "http", "--url", "http://127.0.0.1:9/ping?secret=x", "--requests", "1"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("Nothing is listening at http://127.0.0.1:9/ping"))
        #expect(!r.stderr.contains("secret=x"))
    }
}
