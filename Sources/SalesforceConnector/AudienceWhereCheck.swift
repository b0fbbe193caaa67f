import ConnectorCore
import Definitions
import Foundation
import Store

/// Compiles the `where:` of `kind: audience` files against the profile fields of the mappings
/// (the default `mappings/` folder plus any mapping files being validated), so a bad expression
/// is reported at validation time as `file:line: where: …` with SQLite's own message.
enum AudienceWhereCheck {
    static func problems(files: [String], now: Date, mappingsDirectory: String = "mappings") -> [String: [String]] {
        var fields: [String: FieldType] = [:]
        let folder = (try? MappingLoader.loadAll(directory: mappingsDirectory)) ?? []
        let given = files.compactMap { try? MappingLoader.load(file: $0) }
        for m in folder + given { for f in m.fields where fields[f.userField] == nil { fields[f.userField] = f.type } }
        var result: [String: [String]] = [:]
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8), text.contains("where"),
                  case .audience(let a)? = try? JobLoader.parse(text, file: file, now: now),
                  case .predicate(let sql, let line) = a.rule,
                  let problem = Store.checkAudienceExpression(sql, fields: fields) else { continue }
            result[file, default: []].append(
                "\(file):\(line): where: does not compile: \(problem); name profile fields as the mappings' user_field values.")
        }
        return result
    }
}
