import ConnectorCore
import Definitions
import Foundation
import HTTPTransport
import ImportEngine
import Logging
import SalesforceAPI
import SalesforceConnector
import SalesforceSimulator
import Store

/// The real import stack against the in-process simulator: an HTTPS simulator on loopback, the real
/// `SalesforceClient` (curl transport, a counting gate), a real SQLite store file in a temporary
/// folder, and `ImportRunner` with the repository's `mappings/`. Simulator and runner share one
/// `ManualWallClock`, so a test moves time past the lag and the lookback without waiting.
final class SimulatorImportRig: Sendable {
    let dir: String
    let clock: ManualWallClock
    let sim: RunningSimulator
    let transport: CurlTransport
    let token: AccessToken
    /// The store every runner of the rig writes to (`store.sqlite` in ``dir``).
    let store: Store

    /// The repository's `mappings/` folder.
    static let mappingsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("mappings").path
    /// The repository's `jobs/` folder.
    static let jobsDirectory = URL(fileURLWithPath: mappingsDirectory).deletingLastPathComponent()
        .appendingPathComponent("jobs").path

    private init(dir: String, clock: ManualWallClock, sim: RunningSimulator, transport: CurlTransport,
                 token: AccessToken, store: Store) {
        self.dir = dir
        self.clock = clock
        self.sim = sim
        self.transport = transport
        self.token = token
        self.store = store
    }

    /// Starts a simulator with `org` (its clock is the rig's) and opens the store.
    static func start(org: OrgSetup) async throws -> SimulatorImportRig {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sim-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let clock = ManualWallClock(Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
        let config = SimulatorConfiguration(tls: true, tokenLifetime: 30 * 86_400, org: org, now: { clock.now() })
        let sim = try await SalesforceSimulatorServer.start(config)
        let transport = CurlTransport(configuration: TransportConfiguration(caFile: sim.caFile))
        do {
            let token = try await EstimateAccuracyTests.login(sim, transport)
            let store = try Store(path: dir + "/store.sqlite", clock: clock)
            return SimulatorImportRig(dir: dir, clock: clock, sim: sim, transport: transport, token: token, store: store)
        } catch {
            transport.closeIdleConnections()
            await sim.stop()
            throw error
        }
    }

    /// Runs `body` with a started rig and stops it afterwards, also when `body` throws.
    static func with<T>(org: OrgSetup, _ body: (SimulatorImportRig) async throws -> T) async throws -> T {
        let rig = try await start(org: org)
        do {
            let result = try await body(rig)
            await rig.stop()
            return result
        } catch {
            await rig.stop()
            throw error
        }
    }

    /// Writes `yaml` as `<dir>/<name>.yaml`, loads it and turns it into the engine's specs with
    /// the repository's default mappings.
    func job(_ yaml: String, name: String = "sim_import",
             tuning: ImportJobSpecs.Tuning = ImportJobSpecs.Tuning()) throws -> (name: String, specs: [ObjectImportSpec]) {
        let file = dir + "/\(name).yaml"
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        return try job(file: file, tuning: tuning)
    }

    /// Loads a job file (e.g. one of the repository's examples) into specs.
    func job(file: String, tuning: ImportJobSpecs.Tuning = ImportJobSpecs.Tuning()) throws -> (name: String, specs: [ObjectImportSpec]) {
        let job = try JobLoader.load(file: file, now: clock.now())
        let specs = try ImportJobSpecs.specs(for: job, defaults: MappingLoader.loadAll(directory: Self.mappingsDirectory),
                                             tuning: tuning)
        return (job.name, specs)
    }

    /// A runner over a fresh client (its own describe cache and call counter) into `sink`
    /// (default: the rig's store). `batchSize` sets REST page sizes, `bulkPageSize` Bulk result pages.
    func runner(batchSize: Int? = nil, bulkPageSize: Int? = nil, sink: (any ImportSink)? = nil) -> (ImportRunner, CountingGate) {
        let gate = CountingGate(wrapping: UnmeteredGate())
        let client = SalesforceClient(configuration: .init(bulkPollInitial: 0.01, bulkPollMax: 0.01, bulkMaxRecords: bulkPageSize),
                                      transport: transport, tokens: EstimateAccuracyTests.FixedToken(token: token), gate: gate,
                                      purpose: CallPurpose(job: "sim_import", priority: .importing), clock: clock)
        let runner = ImportRunner(source: ImportClientSource(client: client, batchSize: batchSize),
                                  sink: sink ?? ImportStoreSink(store: store), clock: clock,
                                  apiCalls: { gate.calls }, logger: Logger(label: "test"))
        return (runner, gate)
    }

    /// One pass of a job over the rig's store.
    func run(_ job: (name: String, specs: [ObjectImportSpec]), batchSize: Int? = nil,
             bulkPageSize: Int? = nil) async -> ImportRunReport {
        await runner(batchSize: batchSize, bulkPageSize: bulkPageSize).0.run(job: job.name, objects: job.specs)
    }

    /// Calls a simulator admin endpoint (`/__admin/org/update`, …) with a JSON body and returns its JSON answer.
    @discardableResult
    func admin(_ path: String, _ body: [String: Any]? = nil, method: String = "POST") async throws -> [String: Any] {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let response = try await transport.send(HTTPRequest(method: method, url: sim.baseURL + path,
                                                            headers: ["Content-Type": "application/json"], body: data))
        guard response.status == 200 else {
            throw AdminFailure(path: path, status: response.status, body: String(decoding: response.body, as: UTF8.self))
        }
        return (try JSONSerialization.jsonObject(with: response.body) as? [String: Any]) ?? [:]
    }

    struct AdminFailure: Error, CustomStringConvertible {
        var path: String, status: Int, body: String
        var description: String { "\(path) answered \(status): \(body)" }
    }

    func stop() async {
        transport.closeIdleConnections()
        await sim.stop()
        try? FileManager.default.removeItem(atPath: dir)
    }
}
