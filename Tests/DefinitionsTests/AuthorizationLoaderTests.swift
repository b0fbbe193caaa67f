import ConnectorCore
import Definitions
import Foundation
import Testing
import Yams

@Suite("Authorization files")
struct AuthorizationLoaderTests {
    @Test("a JWT file with defaults resolves the key file against its folder")
    func jwtDefaults() throws {
        let dir = try AuthFolder()
        defer { dir.remove() }
        let file = try dir.write("prod.yaml", """
        method: jwt
        consumer_key: 3MVG9abc
        username: integration@acme.com
        private_key_file: keys/jwt.pem
        """)
        let loaded = try AuthorizationLoader.load(file: file, environment: [:])
        let a = loaded.authorization
        #expect(a.loginURL == "https://login.salesforce.com")
        #expect(a.apiVersion == "62.0")
        #expect(a.reservePercent == 20)
        #expect(!a.isSandbox)
        guard case .jwt(let j) = a.method else { Issue.record("not jwt"); return }
        #expect(j.privateKey == .file(dir.path + "/keys/jwt.pem"))
        #expect(j.consumerKey == "3MVG9abc")
        #expect(loaded.warnings.isEmpty)
    }

    @Test("sandbox: true means the test login host; a My Domain URL is kept without its slash")
    func sandboxAndMyDomain() throws {
        let sandbox = try AuthorizationLoader.parse("""
        method: oauth2_refresh_token
        sandbox: true
        client_id: id
        client_secret: ${S}
        refresh_token: ${R}
        api_version: v61.0
        reserve_percent: 35
        label: UAT
        """, file: "/x/a.yaml", environment: ["S": "s", "R": "r"]).authorization
        #expect(sandbox.loginURL == "https://test.salesforce.com")
        #expect(sandbox.isSandbox)
        #expect(sandbox.apiVersion == "61.0")
        #expect(sandbox.reservePercent == 35)
        #expect(sandbox.label == "UAT")
        let myDomain = try AuthorizationLoader.parse("""
        method: oauth2_refresh_token
        login_url: https://acme.my.salesforce.com/
        client_id: id
        client_secret: ${S}
        refresh_token: ${R}
        """, file: "/x/a.yaml", environment: ["S": "s", "R": "r"]).authorization
        #expect(myDomain.loginURL == "https://acme.my.salesforce.com")
    }

    @Test("secrets come from the environment and from file: paths; literals work but warn")
    func secretSources() throws {
        let dir = try AuthFolder()
        defer { dir.remove() }
        try dir.write("secrets/token.txt", "Tok-123\n")
        let file = try dir.write("pw.yaml", """
        method: oauth2_password
        client_id: id
        client_secret: ${SF_SECRET}
        username: u@acme.com
        password: Literal-Pass-1
        security_token: file:secrets/token.txt
        """)
        let loaded = try AuthorizationLoader.load(file: file, environment: ["SF_SECRET": "Env-Secret"])
        guard case .password(let p) = loaded.authorization.method else { Issue.record("not password"); return }
        #expect(p.clientSecret.reveal() == "Env-Secret")
        #expect(p.password.reveal() == "Literal-Pass-1")
        #expect(p.securityToken.reveal() == "Tok-123")
        #expect(loaded.warnings.map(\.description) == [
            "\(file):5: password: is written literally in the file; use ${ENV_VAR} or file:PATH so the secret stays out of files you share.",
        ])
        #expect(!loaded.warnings.description.contains("Literal-Pass-1"))
    }

    @Test("a job's authorization is resolved inline or by name from SFCONNECT_AUTH_DIR")
    func resolveInlineAndNamed() throws {
        let dir = try AuthFolder()
        defer { dir.remove() }
        try dir.write("auth/prod.yaml", "method: oauth2_refresh_token\nclient_id: id\nclient_secret: ${S}\nrefresh_token: ${R}\n")
        let env = ["S": "s", "R": "r", "SFCONNECT_AUTH_DIR": dir.path + "/auth"]
        let named = try #require(try Yams.compose(yaml: "prod"))
        let byName = try AuthorizationLoader.resolve(node: named, file: dir.path + "/job.yaml", environment: env)
        #expect(byName.authorization.name == "prod")
        #expect(byName.file == dir.path + "/auth/prod.yaml")
        let job = try dir.write("job.yaml", """
        name: leads
        authorization:
          method: oauth2_refresh_token
          client_id: inline
          client_secret: ${S}
          refresh_token: ${R}
        """)
        let inline = try AuthorizationLoader.locate(job, environment: env)
        guard case .refreshToken(let r) = inline.authorization.method else { Issue.record("not refresh"); return }
        #expect(r.clientID == "inline")
        let byArgument = try AuthorizationLoader.locate("prod", environment: env, workingDirectory: dir.path)
        #expect(byArgument.authorization.name == "prod")
        let reference = AuthorizationReference.inline(InlineAuthorization(source: SourceLocation(file: job, line: 3), entries: []))
        let fromReference = try AuthorizationLoader.resolve(reference, environment: env)
        #expect(fromReference.authorization == inline.authorization)
        #expect(try AuthorizationLoader.resolve(.named("prod"), environment: env).authorization.name == "prod")
    }

    @Test("without SFCONNECT_AUTH_DIR names are looked up in .sfconnect/authorizations")
    func defaultDirectory() {
        #expect(AuthorizationLoader.directory(environment: [:], workingDirectory: "/repo") == "/repo/.sfconnect/authorizations")
        #expect(AuthorizationLoader.directory(environment: ["SFCONNECT_AUTH_DIR": "/etc/sfc"], workingDirectory: "/repo") == "/etc/sfc")
    }
}
