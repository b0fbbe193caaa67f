import ConnectorCore
import Foundation
import Yams

/// The logic of `sfconnect validate FILE…`: loads each file as what its content says it is
/// (a `kind:` key → a job file, `stream:` and `fields:` → a mapping file) and collects every
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

    /// Validates each file; `now` bounds `since:` dates.
    public static func validate(files: [String], now: Date) -> [FileResult] {
        files.map { validate(file: $0, now: now) }
    }

    /// Validates one file.
    public static func validate(file: String, now: Date) -> FileResult {
        do {
            let text = try YAMLDocument.read(file: file)
            let root = try YAMLDocument.compose(text, file: file, expected: "a kind: key (a job) or stream: and fields: (a mapping)")
            let keys = Set(root.mapping?.keys.compactMap(\.string) ?? [])
            if keys.contains("kind") {
                let job = try JobLoader.parse(text, file: file, now: now)
                return FileResult(file: file, summary: "kind \(job.kind.rawValue)", errors: [])
            }
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
                                    "is required: a job file starts with kind: (import, import_custom_object, audience or export_audiences); a mapping file has stream: and fields:.")
            return FileResult(file: file, summary: nil, errors: [e])
        } catch {
            return FileResult(file: file, summary: nil, errors: error.errors)
        }
    }

    private static func unknown(_ file: String, _ error: any Error) -> DefinitionError {
        DefinitionError(.invalidValue, file: file, line: nil, key: "", "cannot be loaded: \(error).")
    }
}
