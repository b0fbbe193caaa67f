import ConnectorCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Refresh tokens as files `KEY.refresh_token` in a folder (created 0700), each written
/// atomically with mode 0600. The default folder is `.sfconnect/tokens/` in the working
/// directory, or `$SFCONNECT_TOKEN_DIR`; `.sfconnect/` is git-ignored.
public struct FileRefreshTokenStore: RefreshTokenStore {
    public static let directoryVariable = "SFCONNECT_TOKEN_DIR"
    public static let defaultDirectory = ".sfconnect/tokens"
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// The store in `$SFCONNECT_TOKEN_DIR`, or `.sfconnect/tokens` under `workingDirectory`.
    public init(environment: [String: String], workingDirectory: String) {
        let dir = environment[Self.directoryVariable].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultDirectory
        directory = dir.hasPrefix("/") ? dir : (workingDirectory as NSString).appendingPathComponent(dir)
    }

    func path(_ key: String) -> String { (directory as NSString).appendingPathComponent(key + ".refresh_token") }

    public func load(key: String) throws -> Secret? {
        let file = path(key)
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw failure("The saved refresh token \(file) cannot be read; fix its permissions (it should be 0600 and yours).")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : Secret(text)
    }

    public func save(_ token: Secret, key: String) throws {
        let sentence = "The rotated refresh token could not be saved in \(directory); make the folder writable, or the next run will log in with a revoked token."
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch { throw failure(sentence) }
        let final = path(key)
        let temp = final + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw failure(sentence) }
        let bytes = Array((token.reveal() + "\n").utf8)
        let written = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temp, final) == 0 else {
            unlink(temp)
            throw failure(sentence)
        }
    }

    private func failure(_ sentence: String) -> AuthError {
        AuthError(.tokenStoreFailed, sentence, reason: String(cString: strerror(errno)))
    }
}
