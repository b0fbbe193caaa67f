import ConnectorTesting
import Foundation
import SalesforceSimulator

/// A temporary folder with an HTTPS simulator, its `auth/simulator.yaml` (secrets through
/// environment variables), `jobs/`, and the environment that points the built CLI at them.
struct SimWorkspace {
    let dir: String
    let sim: RunningSimulator
    let env: [String: String]
    let mappings = DemoCommandTests.root + "/mappings"

    /// Lead gains `Lytics_Audiences__c` (long text, `audiencesLength`) through a schema file.
    static func start(_ name: String, sizes: OrgSizes = .empty, audiencesLength: Int = 32_768) async throws -> SimWorkspace {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("sfc-e2e-\(name)-\(UUID().uuidString)").path
        for sub in ["auth", "jobs"] { try fm.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true) }
        try """
        {"objects": [{"name": "Lead", "fields": [{"name": "Lytics_Audiences__c", "type": "textarea", "length": \(audiencesLength)}]}]}
        """.write(toFile: dir + "/schema.json", atomically: true, encoding: .utf8)
        let sim = try await SalesforceSimulatorServer.start(
            .init(tls: true, org: OrgSetup(schemaFile: dir + "/schema.json", sizes: sizes)))
        var env = try SimulatorAuthorization.write(dir: dir, for: sim)
        env["SFCONNECT_STORE"] = dir + "/store.sqlite"
        return SimWorkspace(dir: dir, sim: sim, env: env)
    }

    /// Writes `text` to `jobs/NAME` and returns its path.
    @discardableResult
    func job(_ name: String, _ text: String) throws -> String {
        let path = dir + "/jobs/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Writes `text` to `NAME` in the folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func run(_ arguments: [String]) async throws -> CLIRunner.Outcome {
        try await CLIRunner.run(arguments, environment: env)
    }

    func stop() async {
        await sim.stop()
        try? FileManager.default.removeItem(atPath: dir)
    }
}
