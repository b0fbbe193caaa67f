import Foundation

/// Proxy settings read from an explicit environment (never the process's), in curl's
/// precedence: `https_proxy`/`HTTPS_PROXY` for https URLs, `http_proxy`/`HTTP_PROXY` for http
/// (upper-case `HTTP_PROXY` is honoured too, as the connector runs as a CLI, not CGI),
/// `no_proxy`/`NO_PROXY` for exclusions.
struct ProxyEnvironment: Sendable, Equatable {
    var httpsProxy: String?
    var httpProxy: String?
    var noProxy: String?

    init(_ env: [String: String]) {
        func pick(_ names: String...) -> String? {
            for n in names { if let v = env[n]?.trimmingCharacters(in: .whitespaces), !v.isEmpty { return v } }
            return nil
        }
        httpsProxy = pick("https_proxy", "HTTPS_PROXY")
        httpProxy = pick("http_proxy", "HTTP_PROXY")
        noProxy = pick("no_proxy", "NO_PROXY")
    }

    /// The proxy for `url`, or nil to connect directly.
    func proxy(for url: String) -> String? {
        url.lowercased().hasPrefix("https:") ? httpsProxy : httpProxy
    }
}
