import Foundation

/// An authentication failure. The description is one actionable sentence plus a reason
/// (usually OpenSSL's reason string). It never contains key material or passphrases.
public struct AuthError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// What went wrong. Extensible: later layers (OAuth) add their own kinds.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        // Key loading and signing.
        public static let keyFileUnreadable = Kind("keyFileUnreadable")
        public static let malformedKey = Kind("malformedKey")
        public static let notAPrivateKey = Kind("notAPrivateKey")
        public static let wrongPassphrase = Kind("wrongPassphrase")
        public static let passphraseRequired = Kind("passphraseRequired")
        public static let unsupportedKeyType = Kind("unsupportedKeyType")
        public static let signingFailed = Kind("signingFailed")
        public static let invalidPublicKey = Kind("invalidPublicKey")
        public static let assertionFailed = Kind("assertionFailed")

        // OAuth token endpoint (used by later layers).
        public static let invalidGrant = Kind("invalidGrant")
        public static let invalidClient = Kind("invalidClient")
        public static let tokenEndpointFailed = Kind("tokenEndpointFailed")
    }

    public let kind: Kind
    /// One actionable sentence, safe to log.
    public let message: String
    /// Why it failed: OpenSSL's reason string(s) or a local explanation. Safe to log.
    public let reason: String?
    /// Optional context: the key file path (never its contents).
    public let path: String?
    /// Optional context: OAuth error code or HTTP status for later kinds.
    public let code: String?

    public init(_ kind: Kind, _ message: String, reason: String? = nil,
                path: String? = nil, code: String? = nil) {
        self.kind = kind
        self.message = message
        self.reason = reason
        self.path = path
        self.code = code
    }

    public var description: String {
        var text = message
        if let path { text += " (key file: \(path))" }
        if let code { text += " (code: \(code))" }
        if let reason, !reason.isEmpty { text += " Reason: \(reason)." }
        return text
    }

    public var errorDescription: String? { description }
}
