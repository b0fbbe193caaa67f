import Foundation
import SalesforceSimulator
import Testing

@Suite("sfconnect auth check")
struct AuthCheckTests {
    /// Runs the binary (off the cooperative pool, so the in-process simulator keeps serving).
    func run(_ arguments: [String], _ environment: [String: String]) async throws -> CLIRunner.Outcome {
        try await CLIRunner.run(arguments, environment: environment)
    }

    func withSetup(_ body: (RunningSimulator, String, [String: String]) async throws -> Void) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sfc-e2e-auth-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/auth", withIntermediateDirectories: true)
        let sim = try await SalesforceSimulatorServer.start(.init(tls: true))
        let c = sim.credentials
        let env = ["SF_CLIENT_ID": c.clientId, "SF_CLIENT_SECRET": c.clientSecret, "SF_PASSWORD": c.password,
                   "SF_SECURITY_TOKEN": c.securityToken, "SFCONNECT_AUTH_DIR": dir + "/auth",
                   "SFCONNECT_TOKEN_DIR": dir + "/tokens"]
        do {
            try await body(sim, dir, env)
        } catch {
            await sim.stop()
            throw error
        }
        await sim.stop()
        try? FileManager.default.removeItem(atPath: dir)
    }

    func passwordYAML(_ sim: RunningSimulator, password: String = "${SF_PASSWORD}") -> String {
        """
        method: oauth2_password
        label: Simulator org
        login_url: \(sim.baseURL)
        ca_file: \(sim.caFile ?? "")
        client_id: ${SF_CLIENT_ID}
        client_secret: ${SF_CLIENT_SECRET}
        username: \(sim.credentials.username)
        password: \(password)
        security_token: ${SF_SECURITY_TOKEN}

        """
    }

    @Test("logs in with a password file and prints the org, user, instance, version and daily limit")
    func passwordFile() async throws {
        try await withSetup { sim, dir, env in
            let file = dir + "/pw.yaml"
            try passwordYAML(sim).write(toFile: file, atomically: true, encoding: .utf8)
            let r = try await run(["auth", "check", file], env)
            #expect(r.status == 0)
            let c = sim.credentials
            for line in ["label: Simulator org", "method: oauth2_password", "org_id: \(c.orgId)", "user_id: \(c.userId)",
                         "username: \(c.username)", "instance_url: \(sim.baseURL)", "api_version: 62.0",
                         "daily_api_requests_max: 100000", "daily_api_requests_remaining: 99999", "reserve_percent: 20"] {
                #expect(r.stdout.contains(line + "\n"), "missing \(line)")
            }
            #expect(r.stderr.isEmpty)
        }
    }

    @Test("logs in with a named JWT authorization from SFCONNECT_AUTH_DIR")
    func namedJWT() async throws {
        try await withSetup { sim, dir, env in
            try """
            method: jwt
            login_url: \(sim.baseURL)
            ca_file: \(sim.caFile ?? "")
            consumer_key: ${SF_CLIENT_ID}
            username: \(sim.credentials.username)
            private_key_file: \(sim.credentials.jwtPrivateKeyFile)
            """.write(toFile: dir + "/auth/sim.yaml", atomically: true, encoding: .utf8)
            let r = try await run(["auth", "check", "sim"], env)
            #expect(r.status == 0, "stderr: \(r.stderr)")
            #expect(r.stdout.contains("authorization: sim\n"))
            #expect(r.stdout.contains("org_id: \(sim.credentials.orgId)\n"))
        }
    }

    @Test("a refused password exits 1 with the sentence and no secret")
    func badPassword() async throws {
        try await withSetup { sim, dir, env in
            let file = dir + "/pw.yaml"
            try passwordYAML(sim).write(toFile: file, atomically: true, encoding: .utf8)
            var wrong = env
            wrong["SF_PASSWORD"] = "Wrong-Pass-E2E"
            let r = try await run(["auth", "check", file], wrong)
            #expect(r.status == 1)
            #expect(r.stderr.contains("Salesforce refused the username, password or security token"))
            for secret in ["Wrong-Pass-E2E", sim.credentials.clientSecret, sim.credentials.securityToken] {
                #expect(!r.stderr.contains(secret) && !r.stdout.contains(secret))
            }
        }
    }

    @Test("a bad key exits 78 with every problem; a literal secret works but warns")
    func configuration() async throws {
        try await withSetup { sim, dir, env in
            let bad = dir + "/bad.yaml"
            try (passwordYAML(sim) + "reserve_percnt: 10\n").write(toFile: bad, atomically: true, encoding: .utf8)
            let r = try await run(["auth", "check", bad], env)
            #expect(r.status == 78)
            #expect(r.stderr.contains("\(bad):10: reserve_percnt: is not a known key. Did you mean 'reserve_percent'?"))
            let literal = dir + "/literal.yaml"
            try passwordYAML(sim, password: sim.credentials.password).write(toFile: literal, atomically: true, encoding: .utf8)
            let ok = try await run(["auth", "check", literal], env)
            #expect(ok.status == 0)
            #expect(ok.stderr.contains("warning: \(literal):8: password: is written literally in the file"))
            #expect(!ok.stderr.contains(sim.credentials.password))
        }
    }
}
