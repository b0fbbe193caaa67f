import ConnectorCore
import Foundation
import Yams

/// The logic of `sfconnect validate FILE…`: loads each file as what its content says it is
/// (a `kind:` key → a job file, `stream:` and `fields:` → a mapping file, `method:` → an
/// authorization file) and collects every
/// problem. Checks that need the org (describe) happen when a job runs, not here.
public enum DefinitionValidator {
    /// The outcome for one file.
    public struct FileResult: Sendable {
        public let file: String
        /// What the file is when valid: `kind import`, `mapping of Lead into salesforce_leads`.
        public let summary: String?
        public let errors: [DefinitionError]

        public var isValid: Bool { errors.isEmpty }
        /// `FILE: ok (kind import)` for a good file; nil otherwise.
        public var okLine: String? { summary.map { "\(file): ok (\($0))" } }
    }

    /// Validates each file; `now` bounds `since:` dates; `environment` supplies `${VARIABLE}`
    /// secrets of authorizations (an unset one is not a problem here: it is needed at run time).
    public static func validate(files: [String], now: Date, environment: [String: String] = [:]) -> [FileResult] {
        files.map { validate(file: $0, now: now, environment: environment) }
    }

    /// Validates one file.
    public static func validate(file: String, now: Date, environment: [String: String] = [:]) -> FileResult {
        do {
            let text = try YAMLDocument.read(file: file)
            let root = try YAMLDocument.compose(text, file: file, expected: "a kind: key (a job), stream: and fields: (a mapping) or method: (an authorization)")
            let keys = Set(root.mapping?.keys.compactMap(\.string) ?? [])
            if keys.contains("kind") {
                let job = try JobLoader.parse(text, file: file, now: now)
                let auth = JobLoader.inlineAuthorizationProblems(of: job, environment: environment)
                return FileResult(file: file, summary: auth.isEmpty ? "kind \(job.kind.rawValue)" : nil, errors: auth)
            }
            if keys.contains("method") { return authorization(file: file, environment: environment) }
            if keys.contains("fields") || keys.contains("stream") {
                do {
                    let mapping = try MappingLoader.parse(text, file: file)
                    return FileResult(file: file, summary: "mapping of \(mapping.object) into \(mapping.stream)", errors: [])
                } catch let e as DefinitionErrors {
                    return FileResult(file: file, summary: nil, errors: e.errors)
                } catch {
                    return FileResult(file: file, summary: nil, errors: [unknown(file, error)])
                }
            }
            let e = DefinitionError(.missingKey, file: file, line: 1, key: "kind",
                                    "is required: a job file starts with kind: (import, import_custom_object, audience or export_audiences); a mapping file has stream: and fields:; an authorization file has method:.")
            return FileResult(file: file, summary: nil, errors: [e])
        } catch {
            return FileResult(file: file, summary: nil, errors: error.errors)
        }
    }

    /// An authorization file (a `method:` key).
    private static func authorization(file: String, environment: [String: String]) -> FileResult {
        do {
            let loaded = try AuthorizationLoader.load(file: file, environment: environment)
            return FileResult(file: file, summary: "authorization \(loaded.authorization.method.name)", errors: [])
        } catch let e as DefinitionErrors {
            let errors = e.errors.filter { $0.kind != .undefinedVariable }
            return FileResult(file: file, summary: errors.isEmpty ? "authorization" : nil, errors: errors)
        } catch {
            return FileResult(file: file, summary: nil, errors: [unknown(file, error)])
        }
    }

    private static func unknown(_ file: String, _ error: any Error) -> DefinitionError {
        DefinitionError(.invalidValue, file: file, line: nil, key: "", "cannot be loaded: \(error).")
    }
}
