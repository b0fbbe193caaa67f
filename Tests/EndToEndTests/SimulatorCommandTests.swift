import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("sfconnect simulator")
struct SimulatorCommandTests {
    /// Starts `sfconnect simulator`, reads its printout up to `ready`, and returns it with the process.
    func launch(_ extra: [String]) async throws -> (ChildProcess, [String: String]) {
        let process = try ChildProcess(["simulator", "--port", "0"] + extra, keepStderr: false)
        let text = try await process.read(until: "\nready")
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return (process, fields)
    }

    @Test("prints a base URL that answers and credentials for every auth method")
    func runs() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sim-\(UUID().uuidString)").path
        let (process, fields) = try await launch(["--data-dir", dir])
        let base = try #require(fields["base_url"])
        #expect(base.hasPrefix("http://127.0.0.1:"))
        #expect(fields["consumer_key"]?.isEmpty == false)
        #expect(fields["client_secret"]?.isEmpty == false)
        #expect(fields["security_token"]?.isEmpty == false)
        #expect(fields["refresh_token"]?.isEmpty == false)
        let keyFile = try #require(fields["private_key_file"])
        #expect(try String(contentsOfFile: keyFile, encoding: .utf8).contains("BEGIN PRIVATE KEY"))
        let (data, response) = try await URLSession.shared.data(from: URL(string: base + "/services/data/")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("\"version\""))
        try await process.stop()
    }

    @Test("with --data-dir, SIGTERM saves the org and the next start serves it instead of new synthetic data")
    func persists() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sim-\(UUID().uuidString)").path
        let (first, before) = try await launch(["--data-dir", dir, "--leads", "7", "--contacts", "2"])
        #expect(try await first.stop().status == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "/org.ndjson"))
        let (second, after) = try await launch(["--data-dir", dir, "--leads", "900"])
        #expect(before["records"]?.hasPrefix("Lead=7 Contact=2") == true)
        #expect(after["records"] == before["records"])
        try await second.stop()
    }

    @Test("with --tls prints a CA file and an https URL")
    func tls() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sim-\(UUID().uuidString)").path
        let (process, fields) = try await launch(["--tls", "--data-dir", dir])
        #expect(fields["base_url"]?.hasPrefix("https://127.0.0.1:") == true)
        let ca = try #require(fields["ca_file"])
        #expect(try String(contentsOfFile: ca, encoding: .utf8).contains("BEGIN CERTIFICATE"))
        try await process.stop()
    }

    @Test("a bad port is a usage error")
    func badPort() async throws {
        let r = try await CLIRunner.run(["simulator", "--port", "70000"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--port must be between 0 and 65535."))
    }
}
