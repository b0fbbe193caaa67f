import COpenSSL
import ConnectorCore
import Foundation
import Synchronization

/// Keeps the refresh token that a rotating token endpoint handed out, by key.
public protocol RefreshTokenStore: Sendable {
    /// The saved token for `key`, or nil.
    /// - Throws: ``AuthError`` (`tokenStoreFailed`) when the store exists but cannot be read.
    func load(key: String) throws -> Secret?
    /// Saves `token` for `key`, replacing any earlier one.
    /// - Throws: ``AuthError`` (`tokenStoreFailed`).
    func save(_ token: Secret, key: String) throws
}

/// A store that lives as long as the process (tests, one-off checks).
public final class MemoryRefreshTokenStore: RefreshTokenStore {
    private let tokens = Mutex<[String: Secret]>([:])
    public init() {}
    public func load(key: String) throws -> Secret? { tokens.withLock { $0[key] } }
    public func save(_ token: Secret, key: String) throws { tokens.withLock { $0[key] = token } }
}

/// Store keys: `rt-` and the first 32 hex digits of SHA-256(client id, newline, configured
/// refresh token). The token itself never appears in a file name.
public enum RefreshTokenStoreKey {
    public static func make(clientID: String, refreshToken: Secret) -> String {
        "rt-" + sha256Hex(clientID + "\n" + refreshToken.reveal()).prefix(32)
    }

    static func sha256Hex(_ text: String) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { EVP_Digest($0.baseAddress, $0.count, &digest, &length, sfc_sha256(), nil) }
        return digest.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
    }
}
