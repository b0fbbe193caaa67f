import ConnectorCore
import Foundation
import Yams

/// Reads the keys of one authorization mapping into an ``Authorization`` (schema: README
/// "Authorizations"). Problems go into the reader's errors; nothing stops at the first one.
enum AuthorizationReader {
    static let commonKeys = ["method", "login_url", "sandbox", "ca_file", "api_version", "label", "description",
                             "reserve_percent"]
    static let methodKeys: [String: [String]] = [
        "jwt": ["consumer_key", "username", "private_key_file", "private_key", "private_key_passphrase", "audience"],
        "oauth2_password": ["client_id", "client_secret", "username", "password", "security_token"],
        "oauth2_refresh_token": ["client_id", "client_secret", "refresh_token"],
    ]
    static let methods = ["jwt", "oauth2_password", "oauth2_refresh_token"]

    static func read(_ r: inout NodeReader, _ sources: inout SecretSources) -> Authorization? {
        let methodName = r.string("method", required: true)
        var method: Authorization.Method?
        if let methodName {
            switch methodName {
            case "jwt": method = jwt(&r, &sources)
            case "oauth2_password": method = password(&r, &sources)
            case "oauth2_refresh_token": method = refresh(&r, &sources)
            default:
                var sentence = "'\(methodName)' is not a method; use one of \(methods.joined(separator: ", "))."
                if let guess = Suggest.closest(to: methodName, in: methods) { sentence += " Did you mean '\(guess)'?" }
                r.fail(.invalidValue, "method", r.line, sentence)
            }
            if methods.contains(methodName) { rejectOtherMethodsKeys(&r, method: methodName) }
        }
        if method == nil, methodName.map(methods.contains) != true {
            // Without a known method the credential keys cannot be judged: do not call them unknown.
            for key in Set(methodKeys.values.joined()) { _ = r.value(key) }
        }
        let sandbox = r.bool("sandbox") ?? false
        let loginURL = self.loginURL(&r, sandbox: sandbox, sources)
        let caFile = r.expandable("ca_file", required: false, sources).map(sources.absolute)
        let apiVersion = self.apiVersion(&r)
        let label = r.string("label", required: false)
        let description = r.string("description", required: false)
        let reserve = self.reserve(&r)
        guard let method, let loginURL, let apiVersion else { return nil }
        return Authorization(method: method, loginURL: loginURL, isSandbox: sandbox, caFile: caFile,
                             apiVersion: apiVersion, label: label, description: description, reservePercent: reserve)
    }

    /// `reserve_percent`: 0–99, as the budget scheduler takes it (a reserve below 100 %). 100 is
    /// refused here, at load time, because it would leave sfconnect no calls at all.
    private static func reserve(_ r: inout NodeReader) -> Int {
        if let v = r.value("reserve_percent"), v.scalar != nil, v.int == 100 {
            r.fail(.invalidValue, "reserve_percent", v.mark?.line,
                   "100 would keep the whole daily API limit for other integrations and leave sfconnect no calls; use a whole number from 0 to 99.")
            return Authorization.defaultReservePercent
        }
        return r.int("reserve_percent", in: 0...99) ?? Authorization.defaultReservePercent
    }

    private static func jwt(_ r: inout NodeReader, _ s: inout SecretSources) -> Authorization.Method? {
        let key = r.expandable("consumer_key", required: true, s)
        let user = r.expandable("username", required: true, s)
        let hasFile = r.value("private_key_file") != nil, hasPEM = r.value("private_key") != nil
        var privateKey: Authorization.PrivateKey?
        if hasFile && hasPEM {
            r.fail(.invalidValue, "private_key", r.line, "give either private_key_file or private_key, not both.")
        } else if hasFile {
            privateKey = r.expandable("private_key_file", required: true, s).map { .file(s.absolute($0)) }
        } else if hasPEM {
            privateKey = r.secret("private_key", required: true, &s).map { .pem($0) }
        } else {
            r.fail(.missingKey, "private_key_file", r.line,
                   "is required for method jwt (or private_key with the PEM text): the RSA key whose certificate the connected app holds.")
        }
        let passphrase = r.secret("private_key_passphrase", required: false, &s)
        let audience = r.expandable("audience", required: false, s).map(trimSlash)
        guard let key, let user, let privateKey else { return nil }
        return .jwt(.init(consumerKey: key, username: user, privateKey: privateKey, passphrase: passphrase, audience: audience))
    }

    private static func password(_ r: inout NodeReader, _ s: inout SecretSources) -> Authorization.Method? {
        let id = r.expandable("client_id", required: true, s)
        let secret = r.secret("client_secret", required: true, &s)
        let user = r.expandable("username", required: true, s)
        let password = r.secret("password", required: true, &s)
        let token = r.secret("security_token", required: false, allowEmpty: true, &s) ?? Secret("")
        guard let id, let secret, let user, let password else { return nil }
        return .password(.init(clientID: id, clientSecret: secret, username: user, password: password, securityToken: token))
    }

    private static func refresh(_ r: inout NodeReader, _ s: inout SecretSources) -> Authorization.Method? {
        let id = r.expandable("client_id", required: true, s)
        let secret = r.secret("client_secret", required: true, &s)
        let token = r.secret("refresh_token", required: true, &s)
        guard let id, let secret, let token else { return nil }
        return .refreshToken(.init(clientID: id, clientSecret: secret, refreshToken: token))
    }

    /// Keys that belong to another method get their own sentence instead of "unknown key".
    private static func rejectOtherMethodsKeys(_ r: inout NodeReader, method: String) {
        let own = Set(methodKeys[method] ?? [])
        guard let mapping = r.node.mapping else { return }
        for (k, v) in mapping {
            guard let name = k.string, !own.contains(name), !commonKeys.contains(name) else { continue }
            let owners = methods.filter { methodKeys[$0]?.contains(name) == true }
            guard !owners.isEmpty else { continue }
            _ = r.value(name)
            r.fail(.unknownKey, name, k.mark?.line ?? v.mark?.line,
                   "is not a key of method \(method) (it belongs to \(owners.joined(separator: ", "))); remove it or change method.")
        }
    }

    private static func loginURL(_ r: inout NodeReader, sandbox: Bool, _ s: SecretSources) -> String? {
        let line = r.node.mapping?[Node("login_url")]?.mark?.line ?? r.line
        guard let raw = r.expandable("login_url", required: false, s) else {
            return sandbox ? Authorization.sandboxLoginURL : Authorization.productionLoginURL
        }
        let url = trimSlash(raw)
        guard let parts = URLComponents(string: url), let scheme = parts.scheme, let host = parts.host, !host.isEmpty,
              parts.query == nil, parts.path.isEmpty else {
            r.fail(.invalidValue, "login_url", line,
                   "'\(raw)' is not a login URL; use https://login.salesforce.com, https://test.salesforce.com or your My Domain URL (https://NAME.my.salesforce.com), without a path.")
            return nil
        }
        let loopback = host == "127.0.0.1" || host == "localhost" || host == "::1"
        guard scheme == "https" || (scheme == "http" && loopback) else {
            r.fail(.invalidValue, "login_url", line, "must start with https:// (plain http is accepted only for a local simulator on 127.0.0.1).")
            return nil
        }
        if sandbox && host == "login.salesforce.com" {
            r.fail(.invalidValue, "sandbox", line,
                   "sandbox: true contradicts login_url https://login.salesforce.com; use https://test.salesforce.com or the sandbox's My Domain URL.")
            return nil
        }
        return url
    }

    private static func apiVersion(_ r: inout NodeReader) -> String? {
        guard let raw = r.string("api_version", required: false) else { return Authorization.defaultAPIVersion }
        let text = raw.hasPrefix("v") ? String(raw.dropFirst()) : raw
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let major = Int(parts[0]), major >= 20, parts[1] == "0" else {
            r.fail(.invalidValue, "api_version", r.node.mapping?[Node("api_version")]?.mark?.line,
                   "'\(raw)' is not a Salesforce API version; write it like \(Authorization.defaultAPIVersion).")
            return nil
        }
        return text
    }

    static func trimSlash(_ s: String) -> String {
        var s = s
        while s.hasSuffix("/") { s.removeLast() }
        return s
    }
}
