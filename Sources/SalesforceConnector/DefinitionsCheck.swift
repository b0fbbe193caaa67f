import Definitions
import Foundation

/// `sfconnect validate FILE…`: checks job and mapping files and renders the outcome as lines.
///
/// Each file is what its content says (a `kind:` key → a job; `stream:` and `fields:` → a
/// mapping). Problems are `file:line: key: sentence`; a good file is `FILE: ok (kind …)`.
/// Org-dependent checks (does the field exist) happen when a job runs, not here.
public enum DefinitionsCheck {
    /// One file's outcome.
    public struct FileOutcome: Sendable {
        public let file: String
        /// `FILE: ok (kind import)` when the file is valid.
        public let okLine: String?
        /// Every problem, `file:line: key: sentence`.
        public let problems: [String]
    }

    /// Validates each file; `now` bounds `since:` dates (inject it in tests).
    public static func validate(files: [String], now: Date = Date()) -> [FileOutcome] {
        DefinitionValidator.validate(files: files, now: now).map {
            FileOutcome(file: $0.file, okLine: $0.okLine, problems: $0.errors.map(\.description))
        }
    }
}
