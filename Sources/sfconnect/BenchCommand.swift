import ArgumentParser
import Foundation
import SalesforceConnector

/// `sfconnect bench …`: benchmarks that print numbers.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks that print numbers.",
        subcommands: [BenchHTTP.self, BenchProfiles.self, BenchSimulator.self, BenchQuery.self, BenchImport.self, BenchExport.self])
}

/// `sfconnect bench http --url URL [--requests N] [--ca-file FILE]`
struct BenchHTTP: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http",
        abstract: "Time N sequential small GETs over one reused (keep-alive) connection.")

    @Option(help: "The URL to GET (an HTTP/1.1 keep-alive server).") var url: String
    @Option(help: "How many requests to send.") var requests: Int = 2000
    @Option(name: .customLong("ca-file"), help: "A PEM CA bundle to trust for https URLs.") var caFile: String?

    func validate() throws {
        guard requests > 0 else { throw ValidationError("--requests must be at least 1.") }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw ValidationError("--url must start with http:// or https://.")
        }
    }

    func run() async throws {
        let r = try await TransportBenchmark.sequentialGETs(
            url: url, count: requests, caFile: caFile, environment: ProcessInfo.processInfo.environment)
        print("requests: \(r.requests)")
        print("failures: \(r.failures)")
        print("connections_opened: \(r.connectionsOpened)")
        print(String(format: "seconds: %.3f", r.seconds))
        print(String(format: "requests_per_second: %.0f", r.requestsPerSecond))
    }
}
