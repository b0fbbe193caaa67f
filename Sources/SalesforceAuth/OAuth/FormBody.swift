import Foundation

/// `application/x-www-form-urlencoded` bodies for the token endpoint.
enum FormBody {
    /// RFC 3986 unreserved characters stay; everything else (including `+`, `&`, `=`) is
    /// percent-encoded, so passwords and assertions arrive byte for byte.
    private static let allowed = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ fields: [(String, String)]) -> Data {
        let text = fields.map { name, value in escape(name) + "=" + escape(value) }.joined(separator: "&")
        return Data(text.utf8)
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
