import Foundation

/// A REST query rewritten for Bulk API 2.0, for a query too long for a GET (salesforce-api.md
/// §3.3: "for very long queries POST them via Bulk"). Bulk SOQL takes no `ORDER BY` or `LIMIT`
/// (§7.1: never use them in Bulk queries), so they are cut from the Bulk text and kept here for
/// the client to apply to the rows itself.
///
/// Refused (the REST query cannot be answered by Bulk): parent-to-child subqueries, aggregates
/// and other functions in the select list (`COUNT()`, `FIELDS()`, …), `TYPEOF`, `GROUP BY`,
/// `OFFSET` and `FOR VIEW/REFERENCE/UPDATE`.
struct BulkRewrite: Sendable, Equatable {
    struct SortKey: Sendable, Equatable {
        /// Field path as written (`SystemModstamp`, `Account.Name`).
        var path: String
        var ascending: Bool
        /// Salesforce's default: nulls first ascending, last descending.
        var nullsLast: Bool
    }

    /// The query to send as a Bulk job (no `ORDER BY`, no `LIMIT`).
    var bulkSOQL: String
    /// The object after `FROM`.
    var object: String
    /// Column paths of the select list, in order.
    var columns: [String]
    var ordering: [SortKey]
    var limit: Int?

    /// - Throws: ``SOQLBuildError`` naming what Bulk API 2.0 cannot run.
    init(_ soql: String) throws(SOQLBuildError) {
        let tokens = SOQLTextScanner.tokens(soql)
        /// Where the top-level clause `word` starts, when the token after it satisfies `next`.
        func clause(_ word: String, _ next: (String) -> Bool = { _ in true }) -> String.Index? {
            for (i, t) in tokens.enumerated() where t.depth == 0 && t.upper == word {
                if i + 1 < tokens.count, next(tokens[i + 1].upper) { return t.start }
            }
            return nil
        }
        guard let from = clause("FROM") else { throw SOQLBuildError("The query has no FROM clause; write SELECT … FROM Object.") }
        let selectList = String(soql[soql.startIndex..<from]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard selectList.uppercased().hasPrefix("SELECT") else {
            throw SOQLBuildError("The query does not start with SELECT; write SELECT … FROM Object.")
        }
        let listTokens = tokens.filter { $0.start < from }
        if listTokens.contains(where: { $0.text == "(" }) {
            let what = listTokens.contains { $0.depth == 1 && $0.upper == "SELECT" } ? "a parent-to-child subquery"
                : "a function such as COUNT() or FIELDS()"
            throw SOQLBuildError("The query is too long for a GET and Bulk API 2.0 cannot run it: it selects \(what); select fewer or shorter fields.")
        }
        let isNumber: (String) -> Bool = { Int($0) != nil }
        let refused: [(String, String.Index?)] = [
            ("TYPEOF", listTokens.first { $0.upper == "TYPEOF" }?.start),
            ("GROUP BY", clause("GROUP") { $0 == "BY" }), ("OFFSET", clause("OFFSET", isNumber)),
            ("FOR VIEW/REFERENCE/UPDATE", clause("FOR") { ["VIEW", "REFERENCE", "UPDATE"].contains($0) }),
        ]
        for (word, at) in refused where at != nil {
            throw SOQLBuildError("The query is too long for a GET and Bulk API 2.0 cannot run it: it uses \(word); shorten the query.")
        }
        columns = SOQLTextScanner.splitTopLevel(String(selectList.dropFirst(6)))
        object = tokens.first { $0.depth == 0 && $0.start > from }?.text ?? ""
        let orderAt = clause("ORDER") { $0 == "BY" }
        let limitAt = clause("LIMIT", isNumber)
        let cut = [orderAt, limitAt].compactMap { $0 }.min() ?? soql.endIndex
        bulkSOQL = String(soql[soql.startIndex..<cut]).trimmingCharacters(in: .whitespacesAndNewlines)
        ordering = []
        limit = nil
        if let limitAt {
            let text = soql[limitAt...].dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let n = Int(text), n > 0 else { throw SOQLBuildError("LIMIT \(text) is not a positive row count.") }
            limit = n
        }
        if let orderAt {
            let end = limitAt.map { $0 > orderAt ? $0 : soql.endIndex } ?? soql.endIndex
            let body = soql[orderAt..<end].dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines).dropFirst(2)
            ordering = try SOQLTextScanner.splitTopLevel(String(body)).map { item throws(SOQLBuildError) in try Self.sortKey(item) }
        }
    }

    static func sortKey(_ item: String) throws(SOQLBuildError) -> SortKey {
        let raw = item.split(whereSeparator: \.isWhitespace).map(String.init)
        let words = raw.map { $0.uppercased() }
        guard let path = raw.first, !path.isEmpty else {
            throw SOQLBuildError("An ORDER BY item is empty.")
        }
        let ascending = !words.contains("DESC")
        var nullsLast = !ascending
        if let n = words.firstIndex(of: "NULLS"), n + 1 < words.count { nullsLast = words[n + 1] == "LAST" }
        return SortKey(path: path, ascending: ascending, nullsLast: nullsLast)
    }
}

/// Words and brackets of SOQL text outside string literals, with their bracket depth.
enum SOQLTextScanner {
    struct Token {
        var text: String
        var upper: String
        var start: String.Index
        var depth: Int
    }

    static func tokens(_ soql: String) -> [Token] {
        var out: [Token] = []
        var depth = 0
        var i = soql.startIndex
        while i < soql.endIndex {
            let c = soql[i]
            if c == "'" {
                i = soql.index(after: i)
                while i < soql.endIndex, soql[i] != "'" {
                    if soql[i] == "\\" { i = soql.index(after: i); if i == soql.endIndex { break } }
                    i = soql.index(after: i)
                }
                if i < soql.endIndex { i = soql.index(after: i) }
            } else if c == "(" || c == ")" {
                if c == ")" { depth -= 1 }
                out.append(Token(text: String(c), upper: String(c), start: i, depth: max(0, depth)))
                if c == "(" { depth += 1 }
                i = soql.index(after: i)
            } else if c.isLetter || c.isNumber || c == "_" || c == "." {
                let start = i
                while i < soql.endIndex, soql[i].isLetter || soql[i].isNumber || soql[i] == "_" || soql[i] == "." {
                    i = soql.index(after: i)
                }
                let word = String(soql[start..<i])
                out.append(Token(text: word, upper: word.uppercased(), start: start, depth: depth))
            } else {
                i = soql.index(after: i)
            }
        }
        return out
    }

    /// `a, b ,c` → `["a", "b", "c"]` (commas inside brackets or quotes do not split).
    static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quoted = false
        var escaped = false
        for c in text {
            if quoted {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "'" { quoted = false }
            } else if c == "'" { quoted = true } else if c == "(" { depth += 1 } else if c == ")" { depth -= 1 } else if c == ",", depth == 0 {
                parts.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
                current = ""
                continue
            }
            current.append(c)
        }
        let last = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty { parts.append(last) }
        return parts.filter { !$0.isEmpty }
    }
}
