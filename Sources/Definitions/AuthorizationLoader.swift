import ConnectorCore
import Foundation
import Yams

/// An authorization read from YAML, with the warnings that did not stop it.
public struct LoadedAuthorization: Sendable {
    public var authorization: Authorization
    /// Non-fatal problems (a literal secret in a file), as `file:line: key: sentence`. The
    /// caller decides where to show them; the loader never prints.
    public var warnings: [DefinitionError]
    /// The file the keys were read from (the named file, or the job file for inline ones).
    public var file: String
}

/// Loads authorizations (schema: README "Authorizations").
///
/// An authorization is either a YAML file of its own, a mapping inline in a job under
/// `authorization:`, or a name (`authorization: prod`) for the file `prod.yaml` in the
/// authorizations folder: `$SFCONNECT_AUTH_DIR`, by default `.sfconnect/authorizations/` in
/// the working directory. Secrets may be `${ENV_VAR}` (from `environment`, never from the
/// process) or `file:PATH` (relative to the YAML file's folder).
public enum AuthorizationLoader {
    public static let directoryVariable = "SFCONNECT_AUTH_DIR"
    public static let defaultDirectory = ".sfconnect/authorizations"

    /// The folder named authorizations are looked up in.
    public static func directory(environment: [String: String], workingDirectory: String? = nil) -> String {
        let cwd = workingDirectory ?? FileManager.default.currentDirectoryPath
        let dir = environment[directoryVariable].flatMap { $0.isEmpty ? nil : $0 } ?? defaultDirectory
        let expanded = (dir as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? expanded : (cwd as NSString).appendingPathComponent(expanded)
    }

    /// Loads an authorization file.
    /// - Throws: ``DefinitionErrors`` listing every problem with its `file:line: key`.
    public static func load(file: String, environment: [String: String]) throws -> LoadedAuthorization {
        try parse(try AuthorizationYAML.read(file), file: file, environment: environment)
    }

    /// Parses authorization YAML text; `file` names it in errors and anchors relative paths.
    /// - Throws: ``DefinitionErrors``.
    public static func parse(_ text: String, file: String, environment: [String: String]) throws -> LoadedAuthorization {
        let root = try AuthorizationYAML.compose(text, file: file)
        guard root.mapping != nil else {
            throw DefinitionErrors([DefinitionError(.wrongType, file: file, line: root.mark?.line, key: "",
                                                    "must be a YAML mapping with method and its credentials.")])
        }
        return try read(root, path: "", file: file, environment: environment, name: nil)
    }

    /// Resolves a job file's `authorization` value: an inline mapping, or a name for a file in
    /// the authorizations folder (see ``directory(environment:workingDirectory:)``).
    /// - Parameters:
    ///   - node: the value of the job's `authorization` key.
    ///   - file: the job file (for error locations and relative paths of inline keys).
    /// - Throws: ``DefinitionErrors``, located in the job file or in the named file.
    public static func resolve(node: Node, file: String, environment: [String: String],
                               workingDirectory: String? = nil) throws -> LoadedAuthorization {
        if node.mapping != nil {
            return try read(node, path: "authorization", file: file, environment: environment, name: nil)
        }
        guard let name = node.scalar?.string, !name.isEmpty else {
            throw DefinitionErrors([DefinitionError(.wrongType, file: file, line: node.mark?.line, key: "authorization",
                                                    "must be the name of an authorization file or a mapping with method and its credentials.")])
        }
        return try load(name: name, environment: environment, workingDirectory: workingDirectory,
                        referencedFrom: (file, node.mark?.line))
    }

    /// Loads the named authorization `NAME.yaml` from the authorizations folder.
    /// - Throws: ``DefinitionErrors``.
    public static func load(name: String, environment: [String: String], workingDirectory: String? = nil,
                            referencedFrom: (file: String, line: Int?)? = nil) throws -> LoadedAuthorization {
        let at = referencedFrom ?? ("authorization", nil)
        let dir = directory(environment: environment, workingDirectory: workingDirectory)
        guard isValidName(name) else {
            throw DefinitionErrors([DefinitionError(.invalidValue, file: at.file, line: at.line, key: "authorization",
                                                    "'\(name)' is not an authorization name; use letters, digits, '-', '_' or '.' (the file \(dir)/NAME.yaml).")])
        }
        let path = (dir as NSString).appendingPathComponent(name + ".yaml")
        guard FileManager.default.fileExists(atPath: path) else {
            throw DefinitionErrors([DefinitionError(.unknownAuthorization, file: at.file, line: at.line, key: "authorization",
                                                    "no authorization named '\(name)': \(path) does not exist; create it or set \(directoryVariable) to the folder that holds it.")])
        }
        var loaded = try load(file: path, environment: environment)
        loaded.authorization.name = name
        return loaded
    }

    /// What `sfconnect auth check ARG` accepts: an authorization file, a job file with an
    /// `authorization:` key, or the name of a file in the authorizations folder.
    /// - Throws: ``DefinitionErrors``.
    public static func locate(_ argument: String, environment: [String: String],
                              workingDirectory: String? = nil) throws -> LoadedAuthorization {
        let cwd = workingDirectory ?? FileManager.default.currentDirectoryPath
        let path = argument.hasPrefix("/") ? argument : (cwd as NSString).appendingPathComponent(argument)
        if !FileManager.default.fileExists(atPath: path), isValidName(argument), !argument.hasSuffix(".yaml") {
            return try load(name: argument, environment: environment, workingDirectory: cwd)
        }
        let root = try AuthorizationYAML.compose(try AuthorizationYAML.read(path), file: path)
        if let job = root.mapping?[Node("authorization")], root.mapping?[Node("method")] == nil {
            return try resolve(node: job, file: path, environment: environment, workingDirectory: cwd)
        }
        return try parse(try AuthorizationYAML.read(path), file: path, environment: environment)
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
        }
    }

    private static func read(_ node: Node, path: String, file: String, environment: [String: String],
                             name: String?) throws -> LoadedAuthorization {
        var reader = NodeReader(file: file, path: path, node: node)
        var sources = SecretSources(environment: environment, folder: (file as NSString).deletingLastPathComponent)
        let authorization = AuthorizationReader.read(&reader, &sources)
        reader.rejectUnknownKeys()
        if !reader.errors.isEmpty { throw DefinitionErrors(reader.errors) }
        guard var authorization else {
            throw DefinitionErrors([DefinitionError(.invalidValue, file: file, line: node.mark?.line, key: path,
                                                    "could not be read.")])
        }
        authorization.name = name
        return LoadedAuthorization(authorization: authorization, warnings: sources.warnings, file: file)
    }
}
