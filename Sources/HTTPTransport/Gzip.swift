import CCurl
import Foundation

/// gzip (RFC 1952) through zlib. Used for request bodies sent with `gzipBody: true`;
/// responses are decoded by libcurl itself.
public enum Gzip {
    /// The gzip encoding of `data`, or nil if zlib failed.
    public static func compress(_ data: Data) -> Data? {
        var out: UnsafeMutablePointer<UInt8>?
        var outLen = 0
        let rc = data.withUnsafeBytes { raw -> Int32 in
            let base = raw.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(bitPattern: 1)!
            return sfc_gzip_compress(base, raw.count, &out, &outLen)
        }
        guard rc == 0, let out else { return nil }
        return Data(bytesNoCopy: out, count: outLen, deallocator: .free)
    }

    /// The data inside a gzip stream, or nil if it is not valid gzip or decodes to more than `limit` bytes.
    public static func decompress(_ data: Data, limit: Int = 1 << 30) -> Data? {
        var out: UnsafeMutablePointer<UInt8>?
        var outLen = 0
        let rc = data.withUnsafeBytes { raw -> Int32 in
            let base = raw.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(bitPattern: 1)!
            return sfc_gzip_decompress(base, raw.count, limit, &out, &outLen)
        }
        guard rc == 0, let out else { return nil }
        return Data(bytesNoCopy: out, count: outLen, deallocator: .free)
    }
}
