import Foundation

/// Why a request got no HTTP response. Carries the URL without its query string (queries
/// can hold data) and one sentence that tells the user what to do.
public struct TransportError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public static let connectionRefused = Kind(name: "connectionRefused")
        public static let dns = Kind(name: "dns")
        public static let tls = Kind(name: "tls")
        public static let timeout = Kind(name: "timeout")
        public static let connectionReset = Kind(name: "connectionReset")
        public static let tooLarge = Kind(name: "tooLarge")
        public static let invalidRequest = Kind(name: "invalidRequest")
        public static let proxy = Kind(name: "proxy")
        public static let other = Kind(name: "other")
        public var description: String { name }
    }

    public let kind: Kind
    /// Scheme, host, port and path; never the query string.
    public let url: String
    public let requestID: String?
    /// libcurl's own detail, for debugging (never contains secrets: no headers or bodies).
    public let detail: String?

    public init(kind: Kind, url: String, requestID: String? = nil, detail: String? = nil) {
        self.kind = kind
        self.url = TransportError.stripQuery(url)
        self.requestID = requestID
        self.detail = detail
    }

    /// The URL without `?query` or `#fragment`.
    public static func stripQuery(_ url: String) -> String {
        String(url.prefix { $0 != "?" && $0 != "#" })
    }

    public var sentence: String {
        switch kind {
        case .connectionRefused: return "Nothing is listening at \(url); check the host and port, and that the server is running."
        case .dns: return "The host name in \(url) could not be resolved; check the URL and your DNS or proxy settings."
        case .tls: return "The TLS handshake with \(url) failed; if the server uses a private CA (the simulator does), set ca_file to its CA bundle."
        case .timeout: return "The request to \(url) timed out; the server or network is slow, so retry later or raise the timeout."
        case .connectionReset: return "The connection to \(url) was reset mid-request; this is usually transient, so retry."
        case .tooLarge: return "The response from \(url) is larger than the configured limit; stream it instead of buffering it."
        case .invalidRequest: return "The request to \(url) could not be built; check the URL."
        case .proxy: return "The proxy refused or failed the request to \(url); check the https_proxy and no_proxy settings."
        default: return "The request to \(url) failed; retry, and check the network if it keeps failing."
        }
    }

    public var description: String {
        var s = sentence
        if let detail { s += " (\(detail))" }
        if let requestID { s += " [request \(requestID)]" }
        return s
    }
    public var errorDescription: String? { description }
}
