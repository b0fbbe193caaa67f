import ConnectorCore
import Foundation
import Yams

extension DefinitionError.Kind {
    /// A `${ENV_VAR}` that the environment does not set.
    public static let undefinedVariable = DefinitionError.Kind(name: "undefinedVariable")
    /// A `file:PATH` secret whose file cannot be read.
    public static let unreadableSecretFile = DefinitionError.Kind(name: "unreadableSecretFile")
    /// A warning: a secret written literally into a YAML file.
    public static let literalSecret = DefinitionError.Kind(name: "literalSecret")
    /// A named authorization whose file does not exist.
    public static let unknownAuthorization = DefinitionError.Kind(name: "unknownAuthorization")
}

/// Where `${ENV_VAR}` and `file:PATH` values come from while one authorization is read, and
/// the warnings collected on the way.
struct SecretSources {
    /// The process environment, handed down from the CLI (never read here).
    let environment: [String: String]
    /// The folder of the YAML file: `file:` paths and key files are relative to it.
    let folder: String
    var warnings: [DefinitionError] = []

    /// `path` made absolute against ``folder`` (after `~` expansion).
    func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return URL(fileURLWithPath: folder).appendingPathComponent(expanded).standardizedFileURL.path
    }

    /// The variable name of a whole-value `${NAME}` reference, or nil.
    static func variableName(_ value: String) -> String? {
        guard value.hasPrefix("${"), value.hasSuffix("}"), value.count > 3 else { return nil }
        let name = value.dropFirst(2).dropLast()
        let ok = name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
        return ok ? String(name) : nil
    }
}

extension NodeReader {
    /// A plain string that may also be a whole-value `${ENV_VAR}` reference.
    mutating func expandable(_ key: String, required: Bool, _ sources: SecretSources) -> String? {
        guard let raw = string(key, required: required) else { return nil }
        guard let name = SecretSources.variableName(raw) else { return raw }
        return lookup(name, key: key, sources)
    }

    /// A secret: `${ENV_VAR}`, `file:PATH` (relative to the YAML file's folder, trailing
    /// newlines dropped) or a literal, which works but adds a warning to `sources`.
    mutating func secret(_ key: String, required: Bool, allowEmpty: Bool = false,
                         _ sources: inout SecretSources) -> Secret? {
        guard let raw = string(key, required: required) else { return nil }
        let line = node.mapping?[Node(key)]?.mark?.line
        var resolved: String
        if let name = SecretSources.variableName(raw) {
            guard let value = lookup(name, key: key, sources) else { return nil }
            resolved = value
        } else if raw.hasPrefix("file:") {
            let path = sources.absolute(String(raw.dropFirst("file:".count)))
            guard let data = FileManager.default.contents(atPath: path) else {
                fail(.unreadableSecretFile, key, line,
                     "the secret file \(path) cannot be read; check the path (relative to this file's folder) and its permissions.")
                return nil
            }
            resolved = String(decoding: data, as: UTF8.self)
            while resolved.hasSuffix("\n") || resolved.hasSuffix("\r") { resolved.removeLast() }
        } else {
            resolved = raw
            if !raw.isEmpty {
                sources.warnings.append(DefinitionError(
                    .literalSecret, file: file, line: line, key: keyPath(key),
                    "is written literally in the file; use ${ENV_VAR} or file:PATH so the secret stays out of files you share."))
            }
        }
        if resolved.isEmpty && !allowEmpty {
            fail(.invalidValue, key, line, "is empty; give the secret's value.")
            return nil
        }
        return Secret(resolved)
    }

    /// An integer within `range`.
    mutating func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let v = value(key) else { return nil }
        guard v.scalar != nil, let n = v.int else {
            fail(.wrongType, key, v.mark?.line, "must be a whole number from \(range.lowerBound) to \(range.upperBound).")
            return nil
        }
        guard range.contains(n) else {
            fail(.invalidValue, key, v.mark?.line, "\(n) is out of range; use a whole number from \(range.lowerBound) to \(range.upperBound).")
            return nil
        }
        return n
    }

    private mutating func lookup(_ name: String, key: String, _ sources: SecretSources) -> String? {
        guard let value = sources.environment[name] else {
            fail(.undefinedVariable, key, node.mapping?[Node(key)]?.mark?.line,
                 "the environment variable \(name) is not set; export it before running sfconnect.")
            return nil
        }
        return value
    }
}
