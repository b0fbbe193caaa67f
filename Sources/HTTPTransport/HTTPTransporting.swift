import Foundation

/// Sends HTTP requests. `CurlTransport` is the real one; tests may substitute a fake.
///
/// - Throws: ``TransportError`` for anything that kept a response from arriving.
///   Non-2xx statuses are not errors at this layer.
public protocol HTTPTransporting: Sendable {
    /// Sends `request` and returns the whole response.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
    /// Sends `request` and returns as soon as the status and headers are in; the body
    /// follows as a stream of chunks.
    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse
}

/// Settings for a transport. Every field has a default that suits Salesforce.
public struct TransportConfiguration: Sendable {
    /// A PEM bundle of CA certificates to trust (the simulator's, a corporate proxy's).
    /// TLS verification is always on; there is no switch to turn it off.
    public var caFile: String?
    public var connectTimeout: TimeInterval = 15
    /// Default total time per request (Salesforce's REST call limit is 10 minutes).
    public var totalTimeout: TimeInterval = 600
    /// A buffered response larger than this fails with `TransportError.Kind.tooLarge`.
    public var maxBufferedResponseBytes: Int = 512 * 1024 * 1024
    public var userAgent: String = "sfconnect/0.1"
    /// Environment for proxy variables (`https_proxy`, `HTTPS_PROXY`, `http_proxy`, `no_proxy`…).
    public var environment: [String: String] = [:]

    public init(caFile: String? = nil, environment: [String: String] = [:]) {
        self.caFile = caFile
        self.environment = environment
    }
}
