import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import SalesforceSimulator

/// An HTTP or HTTPS server on 127.0.0.1 with an ephemeral port, for transport tests.
///
/// Routes: `/echo` (any method; reports method, headers, body length and sha256 as
/// ``EchoReport``), `/port` (the client's port), `/gzip` (gzip-encoded text when the client
/// accepts gzip), `POST /gunzip` (decodes a gzip body and reports it), `/bytes?size=N`
/// (N bytes streamed in 64 KiB chunks), `/slow?ms=N` (answers after N ms).
public final class LoopbackServer: Sendable {
    public let port: Int
    public let isTLS: Bool
    /// Path of the CA bundle that verifies the HTTPS server (nil for HTTP).
    public let caFile: String?
    private let task: Task<Void, any Error>
    private let ports: LockedPorts

    public var baseURL: String { "\(isTLS ? "https" : "http")://127.0.0.1:\(port)" }
    /// The client port of every request so far, in arrival order (one port = one connection).
    public var clientPorts: [Int] { ports.all }

    private init(port: Int, isTLS: Bool, caFile: String?, task: Task<Void, any Error>, ports: LockedPorts) {
        self.port = port
        self.isTLS = isTLS
        self.caFile = caFile
        self.task = task
        self.ports = ports
    }

    /// Starts a server and returns once it is listening.
    public static func start(tls: Bool = false, gzip: GzipCodec? = nil) async throws -> LoopbackServer {
        let ports = LockedPorts()
        let router = Router(context: LoopbackContext.self)
        router.middlewares.add(PortRecorder(ports: ports))
        LoopbackRoutes.install(on: router, codec: gzip)
        var caFile: String?
        var builder: HTTPServerBuilder = .http1()
        if tls {
            let certs = try TestCertificates()
            caFile = try certs.writeCAFile()
            builder = try .tls(.http1(), tlsConfiguration: try certs.serverTLSConfiguration())
        }
        var logger = Logger(label: "sfconnect.loopback")
        logger.logLevel = .critical
        let (port, task) = try await BoundApplication.run { onServerRunning in
            Application(
                router: router, server: builder,
                configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: onServerRunning, logger: logger)
        }
        return LoopbackServer(port: port, isTLS: tls, caFile: caFile, task: task, ports: ports)
    }

    /// Stops the server and removes its CA file. Waits at most `grace` for the shutdown: a TLS
    /// connection a client keeps idle can otherwise hold the graceful shutdown for seconds.
    public func stop(grace: Duration = .seconds(1)) async {
        task.cancel()
        let task = self.task
        let once = LockedFlag()
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            Task {
                _ = await task.result
                if once.claim() { c.resume() }
            }
            Task {
                try? await Task.sleep(for: grace)
                if once.claim() { c.resume() }
            }
        }
        if let caFile { try? FileManager.default.removeItem(atPath: caFile) }
    }
}

/// True exactly once.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false
    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if claimed { return false }
        claimed = true
        return true
    }
}
