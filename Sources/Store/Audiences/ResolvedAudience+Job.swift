import ConnectorCore
import Foundation

extension ResolvedAudience {
    /// The store's form of a `kind: audience` job: a `where` stays an expression; a `members`
    /// file is read (one unique id per line; blank lines and lines starting with `#` ignored).
    /// - Throws: ``StoreError`` `.invalidInput` when the members file cannot be read.
    public init(_ job: AudienceDefinition) throws {
        switch job.rule {
        case .predicate(let sql, _):
            self.init(name: job.name, description: job.description, selection: .expression(sql))
        case .members(let file, let line):
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw StoreError(.invalidInput, subject: job.name,
                                 "\(job.source.file):\(line): members: the file \(file) cannot be read; check the path (relative to the job file).")
            }
            let ids = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            self.init(name: job.name, description: job.description, selection: .members(ids))
        }
    }
}
