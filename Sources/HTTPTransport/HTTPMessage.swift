import Foundation

/// One HTTP header field. Names compare case-insensitively through ``HTTPHeaders``.
public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An ordered list of header fields with case-insensitive lookup.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [HTTPHeader] = []

    public init(_ fields: [HTTPHeader] = []) { self.fields = fields }
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { HTTPHeader($0.0, $0.1) }
    }

    /// The first value of `name`, compared case-insensitively.
    public subscript(name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public mutating func add(_ name: String, _ value: String) { fields.append(HTTPHeader(name, value)) }
    /// Replaces every field called `name` with one field.
    public mutating func set(_ name: String, _ value: String) {
        fields.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        fields.append(HTTPHeader(name, value))
    }

    public func makeIterator() -> IndexingIterator<[HTTPHeader]> { fields.makeIterator() }
}

/// A request to send. The body is sent as given, or gzip-compressed when `gzipBody` is set
/// (with `Content-Encoding: gzip`).
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: HTTPHeaders
    public var body: Data?
    public var gzipBody: Bool
    /// Total time allowed for this request; nil uses the transport's default.
    public var timeout: TimeInterval?
    /// Sent as `X-Request-Id` and carried into errors and logs.
    public var requestID: String

    public init(method: String = "GET", url: String, headers: HTTPHeaders = [:], body: Data? = nil,
                gzipBody: Bool = false, timeout: TimeInterval? = nil, requestID: String = RequestID.make()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.gzipBody = gzipBody
        self.timeout = timeout
        self.requestID = requestID
    }
}

/// A response with its whole body in memory (already gunzipped).
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data
    public var requestID: String

    public init(status: Int, headers: HTTPHeaders, body: Data, requestID: String) {
        self.status = status
        self.headers = headers
        self.body = body
        self.requestID = requestID
    }
}

/// A response whose body arrives in chunks as libcurl receives them, so a large body is
/// never held whole. Iterate `body` to the end (or drop it to cancel the transfer).
public struct HTTPStreamingResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var requestID: String
    public var body: AsyncThrowingStream<Data, any Error>

    public init(status: Int, headers: HTTPHeaders, requestID: String, body: AsyncThrowingStream<Data, any Error>) {
        self.status = status
        self.headers = headers
        self.requestID = requestID
        self.body = body
    }
}

/// Request ids: short, unique per process, safe to log.
public enum RequestID {
    public static func make() -> String {
        "sfc-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }
}
