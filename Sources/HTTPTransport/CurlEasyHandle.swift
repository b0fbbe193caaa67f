import CCurl
import Foundation

/// Runs `curl_global_init` exactly once, before the first handle is made.
enum CurlGlobal {
    static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
}

/// One libcurl easy handle. The handle keeps its own connection cache, so reusing it
/// for the next request to the same host reuses the open (keep-alive) connection.
struct CurlEasyHandle: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
}

/// Idle easy handles, reused most-recently-used first so sequential requests keep one connection.
final class CurlHandlePool: Sendable {
    private let idle = Locked<[CurlEasyHandle]>([])
    private let maxIdle: Int

    init(maxIdle: Int = 64) {
        _ = CurlGlobal.initialized
        self.maxIdle = maxIdle
    }

    deinit { drain() }

    /// Closes every idle handle and with it the connections it keeps open.
    func drain() {
        let handles = idle.withLock { handles -> [CurlEasyHandle] in
            defer { handles.removeAll() }
            return handles
        }
        for h in handles { curl_easy_cleanup(h.raw) }
    }

    func acquire() -> CurlEasyHandle? {
        if let h = idle.withLock({ $0.popLast() }) { return h }
        guard let raw = curl_easy_init() else { return nil }
        return CurlEasyHandle(raw: raw)
    }

    /// Resets options (keeping live connections, DNS and TLS session caches) and parks the handle.
    func release(_ handle: CurlEasyHandle) {
        curl_easy_reset(handle.raw)
        let keep = idle.withLock { handles -> Bool in
            guard handles.count < maxIdle else { return false }
            handles.append(handle)
            return true
        }
        if !keep { curl_easy_cleanup(handle.raw) }
    }
}
