import Foundation
import SalesforceSimulator

/// The named authorization `simulator` that tests hand to sfconnect: the OAuth2 password flow
/// against a running simulator, its secrets as `${ENV}` references (never literal in the file).
public enum SimulatorAuthorization {
    /// Writes `<dir>/auth/simulator.yaml` and returns the environment that resolves its secrets and
    /// points sfconnect at `<dir>/auth` (named authorizations) and `<dir>/tokens` (refresh tokens).
    public static func write(dir: String, for sim: RunningSimulator) throws -> [String: String] {
        let c = sim.credentials
        try FileManager.default.createDirectory(atPath: dir + "/auth", withIntermediateDirectories: true)
        try """
        method: oauth2_password
        login_url: \(sim.baseURL)
        ca_file: \(sim.caFile ?? "")
        client_id: ${SF_CLIENT_ID}
        client_secret: ${SF_CLIENT_SECRET}
        username: \(c.username)
        password: ${SF_PASSWORD}
        security_token: ${SF_SECURITY_TOKEN}
        """.write(toFile: dir + "/auth/simulator.yaml", atomically: true, encoding: .utf8)
        return ["SF_CLIENT_ID": c.clientId, "SF_CLIENT_SECRET": c.clientSecret, "SF_PASSWORD": c.password,
                "SF_SECURITY_TOKEN": c.securityToken, "SFCONNECT_AUTH_DIR": dir + "/auth",
                "SFCONNECT_TOKEN_DIR": dir + "/tokens"]
    }
}
