import Definitions
import Foundation
import Testing
import Yams

@Suite("Authorization file errors")
struct AuthorizationErrorTests {
    func parse(_ yaml: String, env: [String: String] = [:], file: String = "/cfg/a.yaml") -> [String] {
        authProblems { try AuthorizationLoader.parse(yaml, file: file, environment: env) }
    }

    @Test("an unknown key is reported with its line and a did-you-mean, with the missing key")
    func unknownKey() {
        let p = parse("method: jwt\nconsumer_kee: 3MVG9\nusername: u@x.com\nprivate_key_file: k.pem\n")
        #expect(p.contains("/cfg/a.yaml:2: consumer_kee: is not a known key. Did you mean 'consumer_key'?"))
        #expect(p.contains("/cfg/a.yaml:1: consumer_key: is required."))
        #expect(p.count == 2)
    }

    @Test("missing keys, wrong types and out-of-range values are all reported at once")
    func allAtOnce() {
        let p = parse("""
        method: oauth2_password
        client_id: id
        username: u@x.com
        password: ${PW}
        sandbox: maybe
        reserve_percent: lots
        api_version: sixty
        """, env: ["PW": "p"])
        #expect(p.contains("/cfg/a.yaml:1: client_secret: is required."))
        #expect(p.contains("/cfg/a.yaml:5: sandbox: must be true or false."))
        #expect(p.contains("/cfg/a.yaml:6: reserve_percent: must be a whole number from 0 to 99."))
        #expect(p.contains("/cfg/a.yaml:7: api_version: 'sixty' is not a Salesforce API version; write it like 62.0."))
        #expect(p.count == 4)
        #expect(parse("method: oauth2_refresh_token\nclient_id: i\nclient_secret: ${S}\nrefresh_token: ${S}\nreserve_percent: 150\n", env: ["S": "s"])
            == ["/cfg/a.yaml:5: reserve_percent: 150 is out of range; use a whole number from 0 to 99."])
        #expect(parse("method: [jwt]\n") == ["/cfg/a.yaml:1: method: must be a string."])
    }

    @Test("a ${ENV} that is not set and a file: that does not exist say which and where")
    func missingSources() {
        let p = parse("""
        method: oauth2_refresh_token
        client_id: id
        client_secret: ${SF_CLIENT_SECRET}
        refresh_token: file:tokens/missing.txt
        """)
        #expect(p.contains("/cfg/a.yaml:3: client_secret: the environment variable SF_CLIENT_SECRET is not set; export it before running sfconnect."))
        #expect(p.contains("/cfg/a.yaml:4: refresh_token: the secret file /cfg/tokens/missing.txt cannot be read; check the path (relative to this file's folder) and its permissions."))
    }

    @Test("an unknown method gets a did-you-mean, and another method's key is named as such")
    func methods() {
        #expect(parse("method: jwtt\nconsumer_key: k\n") == [
            "/cfg/a.yaml:1: method: 'jwtt' is not a method; use one of jwt, oauth2_password, oauth2_refresh_token. Did you mean 'jwt'?",
        ])
        let p = parse("method: jwt\nconsumer_key: k\nusername: u\nprivate_key_file: k.pem\nclient_secret: ${X}\n")
        #expect(p == ["/cfg/a.yaml:5: client_secret: is not a key of method jwt (it belongs to oauth2_password, oauth2_refresh_token); remove it or change method."])
    }

    @Test("a JWT authorization needs exactly one private key")
    func privateKey() {
        #expect(parse("method: jwt\nconsumer_key: k\nusername: u\n") == [
            "/cfg/a.yaml:1: private_key_file: is required for method jwt (or private_key with the PEM text): the RSA key whose certificate the connected app holds.",
        ])
        #expect(parse("method: jwt\nconsumer_key: k\nusername: u\nprivate_key_file: a.pem\nprivate_key: ${K}\n", env: ["K": "x"]) == [
            "/cfg/a.yaml:1: private_key: give either private_key_file or private_key, not both.",
        ])
    }

    @Test("login URLs must be https, and sandbox cannot point at the production host")
    func loginURL() {
        let base = "method: oauth2_refresh_token\nclient_id: i\nclient_secret: ${S}\nrefresh_token: ${S}\n"
        #expect(parse(base + "login_url: http://login.salesforce.com\n", env: ["S": "s"]) == [
            "/cfg/a.yaml:5: login_url: must start with https:// (plain http is accepted only for a local simulator on 127.0.0.1).",
        ])
        #expect(parse(base + "login_url: https://acme.my.salesforce.com/path\n", env: ["S": "s"]).first?.contains("is not a login URL") == true)
        #expect(parse(base + "sandbox: true\nlogin_url: https://login.salesforce.com\n", env: ["S": "s"]).first?.contains("sandbox: true contradicts") == true)
    }

    @Test("a name with no file says where it looked and how to change the folder")
    func unknownName() throws {
        let node = try #require(try Yams.compose(yaml: "staging"))
        let p = authProblems {
            try AuthorizationLoader.resolve(node: node, file: "/jobs/j.yaml", environment: ["SFCONNECT_AUTH_DIR": "/nowhere"])
        }
        #expect(p == ["/jobs/j.yaml:1: authorization: no authorization named 'staging': /nowhere/staging.yaml does not exist; create it or set SFCONNECT_AUTH_DIR to the folder that holds it."])
        let bad = try #require(try Yams.compose(yaml: "../etc/passwd"))
        #expect(authProblems { try AuthorizationLoader.resolve(node: bad, file: "/jobs/j.yaml", environment: [:]) }
            .first?.contains("is not an authorization name") == true)
    }

    @Test("malformed YAML is located and never quotes the line, which may hold a secret")
    func malformedYAML() {
        let p = parse("method: oauth2_password\npassword: \"Sup3r-S3cret\n  client_id: [\n")
        #expect(p.count == 1)
        #expect(p.first?.hasPrefix("/cfg/a.yaml:") == true)
        #expect(p.first?.contains("is not valid YAML") == true)
        #expect(p.first?.contains("Sup3r-S3cret") == false)
    }
}
