import Foundation

/// How a simulator instance listens and behaves.
public struct SimulatorConfiguration: Sendable {
    public var host: String
    /// 0 picks an ephemeral port.
    public var port: Int
    public var tls: Bool
    /// Where generated files (JWT key, CA) go; nil means a new temporary directory.
    public var dataDir: String?
    /// Access-token lifetime in seconds.
    public var tokenLifetime: TimeInterval
    /// Daily API request allocation of the org.
    public var dailyLimit: Int
    /// When true a refresh grant returns a new refresh token and revokes the old one.
    public var refreshTokenRotation: Bool
    /// The simulator's clock.
    public var now: @Sendable () -> Date
    /// The org: schema options, schema file and synthetic data.
    public var org: OrgSetup
    /// The longest request target (path and query string, in bytes) answered; a longer one gets
    /// Salesforce's `414 URI Too Long` page. Salesforce documents 16,384 bytes.
    public var maxURILength: Int
    /// Faults from the start (latency, 503s, resets, `UNABLE_TO_LOCK_ROW`, `QUERY_TIMEOUT`);
    /// `POST /__admin/faults` replaces them.
    public var faults = SimulatorFaultSettings()

    public init(host: String = "127.0.0.1", port: Int = 0, tls: Bool = false, dataDir: String? = nil,
                tokenLifetime: TimeInterval = 7200, dailyLimit: Int = 100_000,
                refreshTokenRotation: Bool = false, org: OrgSetup = .init(), maxURILength: Int = 16_384,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.maxURILength = maxURILength
        self.host = host
        self.port = port
        self.tls = tls
        self.dataDir = dataDir
        self.tokenLifetime = tokenLifetime
        self.dailyLimit = dailyLimit
        self.refreshTokenRotation = refreshTokenRotation
        self.now = now
        self.org = org
    }
}

/// Salesforce record ids: 15-char and 18-char forms (§0).
public enum SalesforceID {
    private static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// A random 15-char id with the given 3-char key prefix.
    public static func random15(prefix: String) -> String {
        var s = prefix + "000000"
        while s.count < 15 { s.append(base62.randomElement()!) }
        return s
    }

    /// The 18-char form of a 15-char id.
    public static func to18(_ id15: String) -> String {
        let bytes = Array(id15.utf8)
        guard bytes.count == 15 else { return id15 }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".utf8)
        var out = bytes
        for chunk in 0..<3 {
            var n = 0
            for i in 0..<5 where bytes[chunk * 5 + i] >= 65 && bytes[chunk * 5 + i] <= 90 { n |= 1 << i }
            out.append(alphabet[n])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A random URL-safe token string.
    static func randomToken(length: Int) -> String {
        String((0..<length).map { _ in base62.randomElement()! })
    }
}
