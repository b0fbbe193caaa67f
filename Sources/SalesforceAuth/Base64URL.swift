import Foundation

/// Base64url (RFC 4648 §5) without padding, as used by JWT.
public enum Base64URL {
    public static func encode(_ data: Data) -> String {
        var s = data.base64EncodedString()
        s = s.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while s.hasSuffix("=") { s.removeLast() }
        return s
    }

    public static func encode(_ bytes: [UInt8]) -> String { encode(Data(bytes)) }

    public static func encode(_ string: String) -> String { encode(Data(string.utf8)) }

    /// Decodes base64url with or without padding; returns nil for invalid input.
    public static func decode(_ string: String) -> Data? {
        var s = string.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        if s.contains("=") {
            guard s.count % 4 == 0 else { return nil }
        } else {
            let rem = s.count % 4
            if rem == 1 { return nil }
            if rem > 0 { s += String(repeating: "=", count: 4 - rem) }
        }
        return Data(base64Encoded: s)
    }
}
