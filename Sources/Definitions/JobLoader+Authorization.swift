import ConnectorCore
import Foundation
import Yams

extension JobLoader {
    /// Resolves the authorization of a loaded job: the named file of the authorizations folder,
    /// or the inline mapping (read again from the job file, so its problems keep their lines).
    /// Returns nil for audiences, which call no API.
    /// - Throws: ``DefinitionErrors`` located in the job file or the named authorization file.
    public static func resolveAuthorization(of job: JobDefinition, environment: [String: String],
                                            workingDirectory: String? = nil) throws -> LoadedAuthorization? {
        guard job.authorization != nil else { return nil }
        let file = job.source.file
        let root = try YAMLDocument.compose(try YAMLDocument.read(file: file), file: file, expected: "a kind: key")
        guard let node = root.mapping?[Node("authorization")] else {
            throw DefinitionErrors([DefinitionError(.missingKey, file: file, line: 1, key: "authorization",
                                                    "is no longer in the file; validate it again.")])
        }
        return try AuthorizationLoader.resolve(node: node, file: file, environment: environment,
                                               workingDirectory: workingDirectory)
    }

    /// Checks an inline authorization's keys as `sfconnect validate` does: every problem except
    /// an unset `${VARIABLE}`, which is only needed when the job runs. Named authorizations
    /// are not looked up (validate the authorization file itself).
    static func inlineAuthorizationProblems(of job: JobDefinition, environment: [String: String]) -> [DefinitionError] {
        guard case .inline = job.authorization else { return [] }
        do {
            _ = try resolveAuthorization(of: job, environment: environment)
            return []
        } catch let e as DefinitionErrors {
            return e.errors.filter { $0.kind != .undefinedVariable }
        } catch {
            return [DefinitionError(.invalidValue, file: job.source.file, line: nil, key: "authorization", "cannot be read: \(error).")]
        }
    }
}
