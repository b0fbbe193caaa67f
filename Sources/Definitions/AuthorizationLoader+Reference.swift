import ConnectorCore
import Foundation
import Yams

extension AuthorizationLoader {
    /// Resolves a loaded job's ``AuthorizationReference``: a name is looked up in the
    /// authorizations folder; an inline mapping is read again from its job file, so errors
    /// carry that file's real lines and `file:` paths are relative to its folder.
    /// - Throws: ``DefinitionErrors``.
    public static func resolve(_ reference: AuthorizationReference, environment: [String: String],
                               workingDirectory: String? = nil) throws -> LoadedAuthorization {
        switch reference {
        case .named(let name):
            return try load(name: name, environment: environment, workingDirectory: workingDirectory)
        case .inline(let inline):
            let file = inline.source.file
            let root = try AuthorizationYAML.compose(try AuthorizationYAML.read(file), file: file)
            guard let node = root.mapping?[Node("authorization")], node.mapping != nil else {
                throw DefinitionErrors([DefinitionError(.invalidValue, file: file, line: inline.source.line, key: inline.keyPath,
                                                        "changed since the job was loaded; load the job again.")])
            }
            return try resolve(node: node, file: file, environment: environment, workingDirectory: workingDirectory)
        }
    }
}
