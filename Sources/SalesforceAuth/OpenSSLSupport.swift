import COpenSSL
import Foundation

/// Helpers around OpenSSL's thread-local error queue and memory BIOs.
enum OpenSSL {
    /// Drains the error queue and returns its reason strings (deduplicated, in order).
    /// Reason strings name the failing routine and cause; they never contain key bytes.
    static func drainErrors() -> String? {
        var reasons: [String] = []
        while true {
            let code = sfc_err_get()
            if code == 0 { break }
            let text: String
            if let cstr = ERR_reason_error_string(code) {
                text = String(cString: cstr)
            } else {
                var buf = [CChar](repeating: 0, count: 256)
                ERR_error_string_n(code, &buf, buf.count)
                text = String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            if !reasons.contains(text) { reasons.append(text) }
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }

    static func clearErrors() { sfc_err_clear() }

    /// Runs `body` with a read-only memory BIO over `text`; frees the BIO afterwards.
    static func withMemoryBIO<R>(_ text: String, _ body: (OpaquePointer) throws -> R?) rethrows -> R? {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBytes { raw -> R? in
            guard let base = raw.baseAddress,
                  let bio = sfc_bio_new_mem(base, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            return try body(bio)
        }
    }

    /// Calls `body` with a C string for `secret`, or nil when there is none.
    static func withOptionalCString<R>(_ secret: String?, _ body: (UnsafePointer<CChar>?) throws -> R) rethrows -> R {
        if let secret { return try secret.withCString { try body($0) } }
        return try body(nil)
    }
}
