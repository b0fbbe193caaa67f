import Foundation
import Hummingbird
import NIOCore

/// Request context that remembers the client's port, to observe connection reuse.
public struct LoopbackContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remotePort: Int?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remotePort = source.channel.remoteAddress?.port
    }
}

/// gzip functions the server borrows from the caller (this module links no zlib).
public struct GzipCodec: Sendable {
    public var compress: @Sendable (Data) -> Data?
    public var decompress: @Sendable (Data) -> Data?
    public init(compress: @escaping @Sendable (Data) -> Data?, decompress: @escaping @Sendable (Data) -> Data?) {
        self.compress = compress
        self.decompress = decompress
    }
}

/// What the echo and gunzip routes report back, as JSON.
public struct EchoReport: Codable, Sendable {
    public var method: String
    /// Header names lower-cased; repeated fields joined with ", ".
    public var headers: [String: String]
    public var body: String
    public var bodyLength: Int
    public var bodySHA256: String
    public var remotePort: Int?
}

/// Records the client port of every request, in arrival order.
struct PortRecorder: RouterMiddleware {
    typealias Context = LoopbackContext
    let ports: LockedPorts

    func handle(_ request: Request, context: LoopbackContext,
                next: (Request, LoopbackContext) async throws -> Response) async throws -> Response {
        if let p = context.remotePort { ports.append(p) }
        return try await next(request, context)
    }
}

final class LockedPorts: @unchecked Sendable {
    private let lock = NSLock()
    private var ports: [Int] = []
    func append(_ p: Int) { lock.lock(); ports.append(p); lock.unlock() }
    var all: [Int] { lock.lock(); defer { lock.unlock() }; return ports }
}
