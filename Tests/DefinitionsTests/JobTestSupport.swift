import ConnectorCore
import Definitions
import Foundation
import Testing

/// The injected "now" of the job tests: 2026-12-01T12:00:00Z.
let jobTestNow = Date(timeIntervalSince1970: 1_796_126_400)

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The path of a fixture under Fixtures/.
func fixturePath(_ name: String) throws -> String {
    try #require(Bundle.module.path(forResource: name, ofType: "yaml", inDirectory: "Fixtures"), "fixture \(name).yaml")
}

/// Loads a fixture job; fails the test on errors.
func loadFixtureJob(_ name: String) throws -> JobDefinition {
    try JobLoader.load(file: try fixturePath(name), now: jobTestNow)
}

/// The problems of a fixture job, as `file:line: key: sentence` with the fixture's path shortened to its name.
func fixtureProblems(_ name: String) throws -> [String] {
    let path = try fixturePath(name)
    do {
        _ = try JobLoader.load(file: path, now: jobTestNow)
        return []
    } catch {
        return error.errors.map { $0.description.replacingOccurrences(of: path, with: "\(name).yaml") }
    }
}

/// The problems of job YAML text named `job.yaml`.
func problems(_ yaml: String) -> [String] {
    do {
        _ = try JobLoader.parse(yaml, file: "job.yaml", now: jobTestNow)
        return []
    } catch {
        return error.errors.map(\.description)
    }
}
