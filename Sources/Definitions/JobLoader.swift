import ConnectorCore
import Foundation
import Yams

/// Loads `jobs/*.yaml` into ``JobDefinition`` values (every key: jobs/README.md).
///
/// Every problem of a file is reported at once, each as `file:line: key: sentence`. Checks that
/// need the org (does a field exist, is the object updateable) happen when the job runs.
public enum JobLoader {
    /// Loads one job file. `now` bounds `since:` (a date in the future is an error).
    /// - Throws: ``DefinitionErrors`` with every problem (kinds `unreadable`, `malformedYAML`,
    ///   `unknownKey`, `missingKey`, `wrongType`, `invalidValue`).
    public static func load(file: String, now: Date) throws(DefinitionErrors) -> JobDefinition {
        try parse(try YAMLDocument.read(file: file), file: file, now: now)
    }

    /// Parses job YAML text; `file` names it in errors and anchors relative paths (`mappings:`,
    /// `members:`).
    /// - Throws: ``DefinitionErrors`` with every problem.
    public static func parse(_ text: String, file: String, now: Date) throws(DefinitionErrors) -> JobDefinition {
        let root = try YAMLDocument.compose(text, file: file, expected: "a kind: key")
        var job = JobContext(file: file, now: now)
        var top = NodeReader(file: file, path: "", node: root)
        let all = JobKind.allCases.map(\.rawValue)
        guard let (kindText, kindLine) = top.text("kind", required: true, hint: "use one of \(all.joined(separator: ", ")).")
        else { throw DefinitionErrors(top.errors) }
        guard let kind = JobKind(rawValue: kindText) else {
            var sentence = "'\(kindText)' is not a job kind; use one of \(all.joined(separator: ", "))."
            if let guess = Suggest.closest(to: kindText, in: all) { sentence += " Did you mean '\(guess)'?" }
            top.fail(.invalidValue, "kind", kindLine, sentence)
            throw DefinitionErrors(top.errors)
        }
        let result: JobDefinition?
        switch kind {
        case .importObjects: result = ImportJobReader.read(&top, &job).map(JobDefinition.importObjects)
        case .importCustomObject: result = CustomObjectJobReader.read(&top, &job).map(JobDefinition.importCustomObject)
        case .audience: result = AudienceReader.read(&top, &job).map(JobDefinition.audience)
        case .exportAudiences: result = ExportJobReader.read(&top, &job).map(JobDefinition.exportAudiences)
        }
        top.rejectUnknownKeys()
        let errors = job.sorted(top.errors + job.errors)
        guard errors.isEmpty, let result else {
            throw DefinitionErrors(errors.isEmpty ? [DefinitionError(.invalidValue, file: file, line: 1, key: "", "is not a valid job.")] : errors)
        }
        return result
    }
}

/// What the readers of one job file share: where it is, the injected time, and the problems
/// found in nested sections and referenced files.
struct JobContext {
    let file: String
    let now: Date
    var errors: [DefinitionError] = []

    init(file: String, now: Date) {
        self.file = file
        self.now = now
    }

    /// The file name without its extension: the job's name.
    var name: String { ((file as NSString).lastPathComponent as NSString).deletingPathExtension }

    /// The folder relative paths in the file are resolved against.
    var directory: String { (file as NSString).deletingLastPathComponent }

    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty { return path }
        return (directory as NSString).appendingPathComponent(path)
    }

    /// Errors of this file by line, then errors of referenced files.
    func sorted(_ errors: [DefinitionError]) -> [DefinitionError] {
        errors.enumerated().sorted { a, b in
            let ka = (a.element.file == file ? 0 : 1, a.element.line ?? 0, a.offset)
            let kb = (b.element.file == file ? 0 : 1, b.element.line ?? 0, b.offset)
            return ka < kb
        }.map(\.element)
    }
}
