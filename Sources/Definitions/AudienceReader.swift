import ConnectorCore
import Foundation

/// Reads `kind: audience` (keys: jobs/README.md).
enum AudienceReader {
    static func read(_ r: inout NodeReader, _ job: inout JobContext) -> AudienceDefinition? {
        var name: String?
        if let (n, line) = r.text("name", required: true, hint: "give the audience a name (e.g. working_leads).") {
            if let problem = NameRules.audience(n) { r.fail(.invalidValue, "name", line, problem) } else { name = n }
        }
        let description = r.string("description", required: false) ?? ""
        let predicate = r.text("where")
        let members = r.text("members")
        var rule: AudienceDefinition.Rule?
        switch (predicate, members) {
        case let (p?, m?):
            _ = p
            r.fail(.invalidValue, "members", m.line,
                   "cannot be used together with where; an audience is either a where expression or a members file.")
        case let (p?, nil):
            if let problem = SQLShape.problem(in: p.value) { r.fail(.invalidValue, "where", p.line, problem) }
            else { rule = .predicate(sql: p.value, line: p.line ?? 1) }
        case let (nil, m?):
            let resolved = job.resolve(m.value)
            if FileManager.default.isReadableFile(atPath: resolved) { rule = .members(file: resolved, line: m.line ?? 1) }
            else { r.fail(.invalidValue, "members", m.line, "'\(m.value)' does not exist or cannot be read (looked for \(resolved)).") }
        case (nil, nil):
            let written = JobCommonKeys.line(of: "where", in: r) != nil || JobCommonKeys.line(of: "members", in: r) != nil
            if !written {
                r.fail(.missingKey, "where", r.line,
                       "is required: write a SQL expression over profile fields, or give members: a file of unique ids.")
            }
        }
        guard let name, let rule else { return nil }
        return AudienceDefinition(name: name, fileName: job.name, source: SourceLocation(file: job.file, line: r.line ?? 1),
                                  description: description, rule: rule)
    }
}

/// Cheap shape checks of a `where:` expression before the store compiles it: quotes and
/// parentheses balanced, one expression (no `;`).
enum SQLShape {
    static func problem(in sql: String) -> String? {
        var depth = 0
        var quote: Character?
        for c in sql {
            if let q = quote {
                if c == q { quote = nil } // a doubled quote closes and reopens: still balanced
                continue
            }
            switch c {
            case "'", "\"": quote = c
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth < 0 { return "has a ')' without its '('." }
            case ";": return "must be one expression; remove the ';'."
            default: break
            }
        }
        if let q = quote { return "has an unclosed \(q) quote." }
        if depth > 0 { return "has a '(' without its ')'." }
        return nil
    }
}
