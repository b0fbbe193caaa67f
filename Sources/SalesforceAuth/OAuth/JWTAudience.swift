import Foundation

/// The `aud` claim of a JWT bearer assertion (§1.3).
public enum JWTAudience {
    /// `https://login.salesforce.com` for production, `https://test.salesforce.com` for a
    /// sandbox, also when `loginURL` is a My Domain URL (Salesforce checks `aud` against the
    /// login host, not the token URL). A login URL outside Salesforce's domains (the local
    /// simulator) is its own audience.
    public static func audience(loginURL: String, sandbox: Bool) -> String {
        let host = URLComponents(string: loginURL)?.host?.lowercased() ?? ""
        if host == "login.salesforce.com" { return "https://login.salesforce.com" }
        if host == "test.salesforce.com" { return "https://test.salesforce.com" }
        let salesforceDomains = [".salesforce.com", ".force.com", ".site.com", ".cloudforce.com", ".salesforce.mil"]
        if salesforceDomains.contains(where: { host.hasSuffix($0) }) {
            let sandboxHost = host.contains(".sandbox.") || host.contains("--")
            return sandbox || sandboxHost ? "https://test.salesforce.com" : "https://login.salesforce.com"
        }
        var origin = loginURL
        while origin.hasSuffix("/") { origin.removeLast() }
        return origin
    }
}
