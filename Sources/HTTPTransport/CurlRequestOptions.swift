import CCurl
import Foundation

/// The per-transport libcurl options, applied to a handle before each transfer.
struct CurlRequestOptions: Sendable {
    let configuration: TransportConfiguration
    let proxies: ProxyEnvironment
    var proxy: String?

    var maxBufferedResponseBytes: Int { configuration.maxBufferedResponseBytes }

    init(configuration: TransportConfiguration, url: String) {
        self.configuration = configuration
        proxies = ProxyEnvironment(configuration.environment)
        proxy = proxies.proxy(for: url)
    }

    static func milliseconds(_ t: TimeInterval) -> Int { max(1, Int((t * 1000).rounded())) }

    func apply(to h: UnsafeMutableRawPointer, request: HTTPRequest) {
        _ = sfc_easy_setopt_string(h, CURLOPT_URL, request.url)
        _ = sfc_easy_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        _ = sfc_easy_setopt_long(h, CURLOPT_PROTOCOLS, Int(CURLPROTO_HTTP | CURLPROTO_HTTPS))
        _ = sfc_easy_setopt_long(h, CURLOPT_FOLLOWLOCATION, 0)
        _ = sfc_easy_setopt_long(h, CURLOPT_TCP_NODELAY, 1)
        _ = sfc_easy_setopt_long(h, CURLOPT_TCP_KEEPALIVE, 1)
        _ = sfc_easy_setopt_long(h, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(configuration.connectTimeout))
        _ = sfc_easy_setopt_long(h, CURLOPT_TIMEOUT_MS,
                                 Self.milliseconds(request.timeout ?? configuration.totalTimeout))
        _ = sfc_easy_setopt_string(h, CURLOPT_USERAGENT, configuration.userAgent)
        // Ask for compressed responses; libcurl decodes them.
        _ = sfc_easy_setopt_string(h, CURLOPT_ACCEPT_ENCODING, "")
        // TLS verification is always on.
        _ = sfc_easy_setopt_long(h, CURLOPT_SSL_VERIFYPEER, 1)
        _ = sfc_easy_setopt_long(h, CURLOPT_SSL_VERIFYHOST, 2)
        if let ca = configuration.caFile { _ = sfc_easy_setopt_string(h, CURLOPT_CAINFO, ca) }
        // Proxies come only from the configured environment, never the process's.
        _ = sfc_easy_setopt_string(h, CURLOPT_PROXY, proxy ?? "")
        if let noProxy = proxies.noProxy { _ = sfc_easy_setopt_string(h, CURLOPT_NOPROXY, noProxy) }
    }

    func applyMethod(to h: UnsafeMutableRawPointer, method: String, body: (UnsafeMutableRawPointer, Int)?) {
        let upper = method.uppercased()
        if let (ptr, count) = body {
            _ = sfc_easy_setopt_off(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(count))
            _ = sfc_easy_setopt_pointer(h, CURLOPT_POSTFIELDS, ptr)
            if upper != "POST" { _ = sfc_easy_setopt_string(h, CURLOPT_CUSTOMREQUEST, upper) }
            return
        }
        switch upper {
        case "GET": _ = sfc_easy_setopt_long(h, CURLOPT_HTTPGET, 1)
        case "HEAD": _ = sfc_easy_setopt_long(h, CURLOPT_NOBODY, 1)
        case "POST":
            _ = sfc_easy_setopt_off(h, CURLOPT_POSTFIELDSIZE_LARGE, 0)
            _ = sfc_easy_setopt_string(h, CURLOPT_COPYPOSTFIELDS, "")
        default: _ = sfc_easy_setopt_string(h, CURLOPT_CUSTOMREQUEST, upper)
        }
    }

    /// Header lines for libcurl. The caller frees the list.
    func headerList(for request: HTTPRequest, hasBody: Bool) -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        func add(_ line: String) { list = curl_slist_append(list, line) }
        let reserved: Set<String> = ["x-request-id", "expect", "content-encoding", "content-length"]
        for field in request.headers where !reserved.contains(field.name.lowercased()) {
            let value = field.value.filter { $0 != "\r" && $0 != "\n" }
            // "Name;" is libcurl's spelling for a header with an empty value.
            add(value.isEmpty ? "\(field.name);" : "\(field.name): \(value)")
        }
        add("X-Request-Id: \(request.requestID)")
        add("Expect:")  // no 100-continue round trip
        if request.gzipBody && hasBody { add("Content-Encoding: gzip") }
        else if let enc = request.headers["Content-Encoding"] { add("Content-Encoding: \(enc)") }
        if hasBody && request.headers["Content-Type"] == nil { add("Content-Type:") }
        return list
    }
}
