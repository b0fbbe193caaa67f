import Foundation
import ConnectorCore
import GRDB

/// Compiles an audience `where` against the profile columns, so a bad expression is reported
/// with the database's own message before any data is touched.
enum AudienceExpression {
    /// nil when `expression` compiles as a read-only boolean filter over `profile_view`;
    /// otherwise the database's message (or why it is not allowed).
    static func problem(_ expression: String, db: Database) -> String? {
        let trimmed = expression.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return "the expression is empty" }
        if trimmed.contains(";") && !inQuotes(trimmed) { return "the expression must be one condition, without ';'" }
        do {
            let statement = try db.makeStatement(sql: "SELECT profile_id FROM profile_view WHERE (\(trimmed))")
            guard statement.isReadonly else { return "the expression must only read profile fields" }
            return nil
        } catch let e as DatabaseError {
            return e.message ?? "\(e.resultCode)"
        } catch {
            return "\(error)"
        }
    }

    /// Whether every `;` sits inside a quoted string.
    private static func inQuotes(_ s: String) -> Bool {
        var quote: Character?
        for c in s {
            if let q = quote { if c == q { quote = nil } }
            else if c == "'" || c == "\"" { quote = c }
            else if c == ";" { return false }
        }
        return true
    }

    /// Checks `expression` against a throwaway in-memory table with the given profile fields
    /// (for validating job files before a store exists).
    static func problem(_ expression: String, fields: [String: FieldType]) -> String? {
        do {
            let queue = try DatabaseQueue()
            return try queue.write { db -> String? in
                try db.execute(sql: "CREATE TABLE profile_view (profile_id INTEGER PRIMARY KEY)")
                var types: [String: FieldType] = [:]
                for (name, type) in fields.sorted(by: { $0.key < $1.key }) where FieldCatalog.isPlainName(name) && name != "profile_id" {
                    try db.execute(sql: "ALTER TABLE profile_view ADD COLUMN \(FieldCatalog.quote(name)) \(FieldCatalog.sqlType(type))")
                    types[name] = type
                }
                return problem(expression, db: db)
            }
        } catch {
            return "\(error)"
        }
    }
}
