import Foundation

/// Reads test fixtures generated once with the `openssl` command line (never at test time).
enum Fixture {
    static let passphrase = "correct horse"

    static func url(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: url(name)), as: UTF8.self)
    }

    /// The base64 body lines of a PEM fixture: none of them may appear in an error description.
    static func bodyLines(_ name: String) throws -> [String] {
        try text(name).split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("-----") && !$0.contains(":") && $0.count >= 16 }
    }
}
