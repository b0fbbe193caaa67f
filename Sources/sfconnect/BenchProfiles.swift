import ArgumentParser
import Foundation
import Store

/// `sfconnect bench profiles [--leads N] [--contacts N] [--store PATH]`
struct BenchProfiles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "Time resolving synthetic leads and contacts into profiles, 5 audiences, and 1,000 / 10,000 changes.")

    @Option(help: "Synthetic lead records.") var leads: Int = 100_000
    @Option(help: "Synthetic contact records (every third shares a lead's email).") var contacts: Int = 100_000
    @Option(help: "The store file to create (default: a temporary file, removed afterwards).") var store: String?

    func validate() throws {
        guard leads >= 1000, contacts >= 0 else { throw ValidationError("--leads must be at least 1000 and --contacts at least 0.") }
    }

    func run() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sfconnect-bench-\(UUID().uuidString)")
        let path = store ?? dir.appendingPathComponent("store.sqlite").path
        defer { if store == nil { try? FileManager.default.removeItem(at: dir) } }
        let s = try Store(path: path)
        let phases = try ProfileBenchmark(leads: leads, contacts: contacts).run(on: s) { print($0) }
        print("profiles: \(try s.profileCount())")
        let perChange = phases.filter { $0.name.hasPrefix("change") }
            .map { String(format: "%d: %.1f µs/record", $0.records, $0.seconds / Double($0.records) * 1e6) }
        print("re-evaluation cost per changed record: " + perChange.joined(separator: ", "))
    }
}
