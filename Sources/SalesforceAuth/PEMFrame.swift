import Foundation

/// A light inspection of PEM text done before OpenSSL sees it, so that common mistakes
/// (public key, certificate, EC key, missing passphrase) get precise, actionable errors.
struct PEMFrame: Sendable {
    /// Labels of all complete `-----BEGIN X-----` ... `-----END X-----` blocks, in order.
    let labels: [String]
    /// True for `Proc-Type: 4,ENCRYPTED` (traditional encrypted PEM) or `ENCRYPTED PRIVATE KEY`.
    let isEncrypted: Bool

    static let privateLabels: Set<String> = ["RSA PRIVATE KEY", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY"]
    static let publicLabels: Set<String> = ["PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE", "TRUSTED CERTIFICATE",
                                            "X509 CERTIFICATE", "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"]

    init?(_ text: String) {
        var labels: [String] = []
        var rest = Substring(text)
        while let begin = rest.range(of: "-----BEGIN ") {
            let afterBegin = rest[begin.upperBound...]
            guard let close = afterBegin.range(of: "-----") else { break }
            let label = String(afterBegin[..<close.lowerBound])
            let body = afterBegin[close.upperBound...]
            guard !label.contains("\n"), let end = body.range(of: "-----END \(label)-----") else { break }
            labels.append(label)
            rest = body[end.upperBound...]
        }
        guard !labels.isEmpty else { return nil }
        self.labels = labels
        self.isEncrypted = labels.contains("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED")
    }

    /// The first private key label OpenSSL can load as RSA, if any.
    var privateKeyLabel: String? { labels.first { Self.privateLabels.contains($0) } }

    /// A private key in a format this module does not sign with (EC, DSA, OpenSSH...).
    var unsupportedPrivateLabel: String? {
        labels.first { $0.hasSuffix("PRIVATE KEY") && !Self.privateLabels.contains($0) }
    }

    var publicLabel: String? { labels.first { Self.publicLabels.contains($0) } }
}
