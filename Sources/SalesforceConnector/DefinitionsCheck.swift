import Definitions
import Foundation

/// `sfconnect validate FILE…`: checks job and mapping files and renders the outcome as lines.
///
/// Each file is what its content says (a `kind:` key → a job; `stream:` and `fields:` → a
/// mapping; `method:` → an authorization). Problems are `file:line: key: sentence`; a good file is `FILE: ok (kind …)`.
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

    /// Validates each file; `now` bounds `since:` dates (inject it in tests); `environment`
    /// supplies `${VARIABLE}` secrets of authorizations (unset ones are left to run time).
    public static func validate(files: [String], now: Date = Date(), environment: [String: String] = [:]) -> [FileOutcome] {
        // Audience `where:` expressions are compiled against the mappings' profile fields (the
        // `mappings/` folder of the working directory plus mapping files given here).
        let whereProblems = AudienceWhereCheck.problems(files: files, now: now)
        return DefinitionValidator.validate(files: files, now: now, environment: environment).map {
            let extra = whereProblems[$0.file] ?? []
            return FileOutcome(file: $0.file, okLine: extra.isEmpty ? $0.okLine : nil,
                               problems: $0.errors.map(\.description) + extra)
        }
    }
}
