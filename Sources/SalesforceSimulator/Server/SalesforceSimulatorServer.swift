import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import Synchronization

/// Starts simulator instances in-process.
public enum SalesforceSimulatorServer {
    /// Starts a simulator and returns once it is listening.
    /// - Parameters:
    ///   - store: the org to serve; nil builds one from `configuration.org` (schema file, options, seed data).
    ///   - providers: extra REST resources tried after the built-in ones (``SimulatorRoutes/builtIn``).
    /// - Throws: ``SimulatorError`` (schema file, snapshot) or the listener's start-up error.
    public static func start(_ configuration: SimulatorConfiguration = .init(), store: OrgStore? = nil,
                             providers: [any SimulatorRouteProvider] = []) async throws -> RunningSimulator {
        let store = try store ?? Self.makeStore(configuration)
        let providers = SimulatorRoutes.builtIn + WriteRoutes(store: store).providers + providers
        let dataDir = try configuration.dataDir ?? makeTempDir()
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        let credentials = try SimulatorCredentials(dataDir: dataDir)
        let state = SimulatorState(refreshToken: credentials.refreshToken, username: credentials.username)
        state.setFaults(configuration.faults.state)
        var builder: HTTPServerBuilder = .http1()
        var caFile: String?
        if configuration.tls {
            let material = try SimulatorTLSMaterial()
            let path = (dataDir as NSString).appendingPathComponent("ca.pem")
            try Data(material.caPEM.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            caFile = path
            builder = try .tls(.http1(), tlsConfiguration: try material.serverTLSConfiguration())
        }
        let baseBox = BaseURLBox()
        let scheme = configuration.tls ? "https" : "http"
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            let dispatcher = SimulatorDispatcher(credentials: credentials, state: state, configuration: configuration,
                                                 baseURL: baseBox.value, providers: providers, store: store)
            return try await Self.respond(request, dispatcher: dispatcher)
        }
        var logger = Logger(label: "sfconnect.simulator")
        logger.logLevel = .critical
        let (port, task) = try await BoundApplication.run { onServerRunning in
            Application(
                responder: responder, server: builder,
                configuration: .init(address: .hostname(configuration.host, port: configuration.port)),
                onServerRunning: onServerRunning, logger: logger)
        }
        baseBox.value = "\(scheme)://\(configuration.host):\(port)"
        return RunningSimulator(baseURL: baseBox.value, port: port, caFile: caFile, dataDir: dataDir,
                                credentials: credentials, state: state, store: store, task: task,
                                persists: configuration.dataDir != nil)
    }

    /// The org of a configuration: the snapshot in `dataDir` when there is one (see ``OrgSnapshot``),
    /// else the schema and synthetic data of `configuration.org`.
    static func makeStore(_ configuration: SimulatorConfiguration) throws -> OrgStore {
        guard let dir = configuration.dataDir, FileManager.default.fileExists(atPath: OrgSnapshot.path(in: dir)) else {
            return try configuration.org.makeStore(clock: configuration.now)
        }
        let store = OrgStore(schema: try configuration.org.makeSchema(), clock: configuration.now)
        try OrgSnapshot.load(into: store, from: dir)
        return store
    }

    private static func makeTempDir() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("sfconnect-sim-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static func respond(_ request: Request, dispatcher: SimulatorDispatcher) async throws -> Response {
        if let refused = dispatcher.uriTooLong(method: request.method.rawValue, path: request.uri.path,
                                               length: request.uri.string.utf8.count) {
            return Response(status: .init(code: refused.status),
                            headers: [.contentType: refused.headers["Content-Type"] ?? "text/html"],
                            body: .init(byteBuffer: ByteBuffer(bytes: refused.body)))
        }
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        let buffer = try await request.body.collect(upTo: 64 * 1024 * 1024)
        let simRequest = SimulatorRequest(
            method: request.method.rawValue, path: request.uri.path,
            query: SimulatorRequest.parseForm(request.uri.query ?? ""), headers: headers,
            body: Data(buffer.readableBytesView))
        let answer = try await dispatcher.handle(simRequest)
        if answer.resetConnection {
            return Response(status: .ok, headers: [.contentLength: "1000"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "{"))
                throw SimulatorError(kind: .didNotStart, message: "connection reset (fault injection)")
            })
        }
        var fields = HTTPFields()
        for (name, value) in answer.headers.sorted(by: { $0.key < $1.key }) {
            if let n = HTTPField.Name(name) { fields[n] = value }
        }
        return Response(status: .init(code: answer.status), headers: fields,
                        body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

/// The base URL is known only once the port is bound; requests read it afterwards.
final class BaseURLBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = ""
    var value: String {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}

/// A simulator listening on loopback.
public final class RunningSimulator: Sendable {
    public let baseURL: String
    public let port: Int
    /// CA bundle that verifies the HTTPS listener (nil for plain HTTP).
    public let caFile: String?
    public let dataDir: String
    public let credentials: SimulatorCredentials
    let state: SimulatorState
    /// The org being served.
    public let store: OrgStore
    private let task: Task<Void, any Error>
    /// True when started with a data directory: ``stop(grace:)`` saves the org there.
    let persists: Bool

    init(baseURL: String, port: Int, caFile: String?, dataDir: String, credentials: SimulatorCredentials,
         state: SimulatorState, store: OrgStore, task: Task<Void, any Error>, persists: Bool = false) {
        self.persists = persists
        self.store = store
        self.baseURL = baseURL
        self.port = port
        self.caFile = caFile
        self.dataDir = dataDir
        self.credentials = credentials
        self.state = state
        self.task = task
    }

    /// API calls counted against the daily limit in the rolling 24-hour window.
    public func apiCallsUsed() -> Int { state.usage(now: Date()) }

    /// Adds `milliseconds` of latency to every request from now on (0 removes it), as
    /// `POST /__admin/faults {"latencyMs": N}` does; other faults are kept.
    public func setLatency(milliseconds: Int) {
        var faults = state.currentFaults()
        faults.latencyMs = max(0, milliseconds)
        state.setFaults(faults)
    }

    /// Allows or forbids the JWT flow for a user (pre-authorization on the connected app).
    public func setPreAuthorized(_ username: String, _ allowed: Bool) {
        state.setPreAuthorized(username, allowed)
    }

    /// Stops the server, waiting at most `grace` for the graceful shutdown. Started with a data
    /// directory, it then saves the org there (``OrgSnapshot``); a failed save is returned.
    @discardableResult
    public func stop(grace: Duration = .seconds(1)) async -> SimulatorError? {
        task.cancel()
        let task = self.task
        // Not a task group: a group waits for every child, so a server that never finishes its graceful
        // shutdown (an idle keep-alive client) would hold `stop` forever. Whichever comes first resumes.
        let resumed = Mutex(false)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let resume: @Sendable () -> Void = {
                if resumed.withLock({ r in defer { r = true }; return !r }) { done.resume() }
            }
            Task { _ = await task.result; resume() }
            Task { try? await Task.sleep(for: grace); resume() }
        }
        guard persists else { return nil }
        do { try OrgSnapshot.save(store, to: dataDir) } catch { return error }
        return nil
    }
}
