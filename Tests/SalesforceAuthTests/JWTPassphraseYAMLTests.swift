import ConnectorCore
import Definitions
import Foundation
import SalesforceAuth
import Testing

/// A JWT authorization YAML whose `private_key_file` is encrypted, loaded the way a job loads it
/// (`Definitions.AuthorizationLoader`) and logged in to the simulator over HTTPS. The encrypted PEM is
/// made at test time by the `openssl` command from the simulator's generated key: never a real secret.
@Suite("JWT authorization YAML with an encrypted key against the simulator")
struct JWTPassphraseYAMLTests {
    static let passphrase = "sim passphrase 7"
    static let variable = "SFC_TEST_KEY_PASSPHRASE"

    /// How `openssl` encrypts the key: PKCS#8 (`ENCRYPTED PRIVATE KEY`) or traditional (`Proc-Type`).
    enum Format: String, CaseIterable, Sendable {
        case pkcs8, traditional

        var arguments: [String] {
            switch self {
            case .pkcs8: return ["pkcs8", "-topk8", "-v2", "aes-256-cbc"]
            case .traditional: return ["rsa", "-aes256", "-traditional"]
            }
        }
    }

    /// Encrypts `key` into `out` with `openssl`, the passphrase passed through the environment.
    static func encrypt(_ key: String, to out: String, format: Format) async throws {
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            // Process waits block a thread: keep them off Swift's cooperative pool.
            Thread {
                continuation.resume(with: Result {
                    let p = Process()
                    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                    p.arguments = ["openssl"] + format.arguments + ["-in", key, "-out", out, "-passout", "env:\(variable)"]
                    p.environment = ProcessInfo.processInfo.environment.merging([variable: passphrase]) { $1 }
                    p.standardError = FileHandle.nullDevice
                    try p.run()
                    p.waitUntilExit()
                    return p.terminationStatus
                })
            }.start()
        }
        #expect(status == 0, "openssl \(format.rawValue) failed")
    }

    /// Writes the encrypted key and an authorization YAML beside it; returns the YAML's path.
    static func files(_ org: SimulatorOrg, format: Format, passphraseLine: String?) async throws -> String {
        let dir = org.sim.dataDir + "/yaml-\(format.rawValue)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try await encrypt(org.c.jwtPrivateKeyFile, to: dir + "/encrypted.pem", format: format)
        let pem = try String(contentsOfFile: dir + "/encrypted.pem", encoding: .utf8)
        #expect(pem.contains("ENCRYPTED"))
        var yaml = """
        method: jwt
        login_url: \(org.sim.baseURL)
        ca_file: \(org.sim.caFile ?? "")
        consumer_key: \(org.c.clientId)
        username: \(org.c.username)
        private_key_file: encrypted.pem

        """
        if let passphraseLine { yaml += passphraseLine + "\n" }
        let path = dir + "/simulator.yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("the YAML's private_key_passphrase decrypts the key and the JWT flow logs in", arguments: Format.allCases)
    func logsIn(format: Format) async throws {
        try await withOrg { org in
            let file = try await Self.files(org, format: format, passphraseLine: "private_key_passphrase: ${\(Self.variable)}")
            let loaded = try AuthorizationLoader.load(file: file, environment: [Self.variable: Self.passphrase])
            #expect(loaded.warnings.isEmpty)
            guard case .jwt(let jwt) = loaded.authorization.method else {
                Issue.record("method \(loaded.authorization.method)")
                return
            }
            #expect(jwt.passphrase?.reveal() == Self.passphrase)
            let token = try await org.provider(loaded.authorization).token()
            #expect(token.instanceURL == org.sim.baseURL)
            #expect(token.userId == org.c.userId)
            #expect(try await org.limitsStatus(token) == 200)
            #expect(try await org.tokenCalls() == 1)
        }
    }

    @Test("a wrong passphrase says to check it, names the key file, sends nothing and leaks no secret",
          arguments: Format.allCases)
    func wrongPassphrase(format: Format) async throws {
        try await withOrg { org in
            let file = try await Self.files(org, format: format, passphraseLine: "private_key_passphrase: ${\(Self.variable)}")
            let loaded = try AuthorizationLoader.load(file: file, environment: [Self.variable: "wrong battery"])
            let error = await authError { try org.provider(loaded.authorization) }
            let e = try #require(error)
            #expect(e.kind == .wrongPassphrase)
            #expect(e.message == "The private key could not be decrypted; check the configured passphrase (or whether the file is corrupted).")
            #expect(e.path?.hasSuffix("/yaml-\(format.rawValue)/encrypted.pem") == true)
            for text in renderings(e) {
                #expect(!text.contains("wrong battery") && !text.contains(Self.passphrase))
                for line in org.pemLines { #expect(!text.contains(line)) }
            }
            #expect(try await org.tokenCalls() == 0)
        }
    }

    @Test("without private_key_passphrase the encrypted key is refused with what to configure")
    func missingPassphrase() async throws {
        try await withOrg { org in
            let file = try await Self.files(org, format: .pkcs8, passphraseLine: nil)
            let loaded = try AuthorizationLoader.load(file: file, environment: [:])
            let e = try #require(await authError { try org.provider(loaded.authorization) })
            #expect(e.kind == .passphraseRequired)
            #expect(e.message == "The private key is encrypted; configure its passphrase.")
            #expect(try await org.tokenCalls() == 0)
        }
    }
}
