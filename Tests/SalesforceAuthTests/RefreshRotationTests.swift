import ConnectorCore
import Foundation
import SalesforceAuth
import Testing

@Suite("Refresh-token rotation")
struct RefreshRotationTests {
    func tempDir() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sfc-tokens-\(UUID().uuidString)").path
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("a rotated refresh token is saved 0600 and used on the next refresh and by the next run")
    func rotationPersisted() async throws {
        try await withOrg(.init(tls: true, refreshTokenRotation: true)) { org in
            let dir = tempDir()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let store = FileRefreshTokenStore(directory: dir)
            let provider = try org.provider(org.refresh(), store: store)
            let first = try await provider.token()

            let files = try FileManager.default.contentsOfDirectory(atPath: dir)
            try #require(files.count == 1)
            let file = dir + "/" + files[0]
            #expect(files[0].hasPrefix("rt-") && files[0].hasSuffix(".refresh_token"))
            #expect(!files[0].contains(org.c.refreshToken))
            #expect(try mode(file) == 0o600)
            #expect(try mode(dir) == 0o700)
            let saved = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(saved.hasPrefix("5Aep") && saved != org.c.refreshToken)

            // The configured token is now revoked: each success below proves the saved one was used.
            try await org.admin("/__admin/expire-tokens")
            let second = try await provider.refresh(after: first)
            #expect(second.token != first.token)
            let next = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(next != saved)

            let nextRun = try org.provider(org.refresh(), store: FileRefreshTokenStore(directory: dir))
            #expect(try await org.limitsStatus(try await nextRun.token()) == 200)

            let forgetful = try org.provider(org.refresh(), store: MemoryRefreshTokenStore())
            #expect(await authError { try await forgetful.token() }?.kind == .refreshTokenRevoked)
        }
    }

    @Test("a store folder that cannot be written is reported with the folder, not the token")
    func unwritableStore() async throws {
        try await withOrg(.init(tls: true, refreshTokenRotation: true)) { org in
            let file = tempDir()
            try Data("not a folder".utf8).write(to: URL(fileURLWithPath: file))
            defer { try? FileManager.default.removeItem(atPath: file) }
            let provider = try org.provider(org.refresh(), store: FileRefreshTokenStore(directory: file + "/tokens"))
            let e = try #require(await authError { try await provider.token() })
            #expect(e.kind == .tokenStoreFailed)
            #expect(e.message.contains(file + "/tokens"))
            #expect(!renderings(e).joined().contains("5Aep"))
        }
    }
}
