import Foundation

/// An immutable SOQL query builder. Every name is validated before it reaches the text.
public struct SOQLQuery: Sendable, Equatable {
    indirect enum Item: Sendable, Equatable { case field(String), subquery(SOQLQuery) }
    public struct Ordering: Sendable, Equatable {
        let field: String, ascending: Bool, nullsLast: Bool?
    }

    var items: [Item] = []
    var object: String = ""
    var predicate: SOQLPredicate?
    var ordering: [Ordering] = []
    var rowLimit: Int?

    public init() {}

    public static let defaultMaxURLLength = 16_000

    public func select(_ fields: [String]) throws -> SOQLQuery {
        var q = self
        q.items += try fields.map { .field(try SOQLName.validate($0)) }
        return q
    }
    /// Adds a parent-to-child subquery, e.g. `(SELECT Id FROM Contacts)`.
    public func select(subquery: SOQLQuery) -> SOQLQuery {
        var q = self; q.items.append(.subquery(subquery)); return q
    }
    public func from(_ object: String) throws -> SOQLQuery {
        var q = self; q.object = try SOQLName.validate(object); return q
    }
    /// Sets the WHERE predicate; a second call ANDs with the first.
    public func `where`(_ p: SOQLPredicate) throws -> SOQLQuery {
        var q = self
        q.predicate = try predicate.map { try SOQLPredicate.and([$0, p]) } ?? p
        return q
    }
    public func orderBy(_ keys: [(field: String, ascending: Bool, nullsLast: Bool?)]) throws -> SOQLQuery {
        var q = self
        q.ordering += try keys.map {
            Ordering(field: try SOQLName.validate($0.field), ascending: $0.ascending, nullsLast: $0.nullsLast)
        }
        return q
    }
    public func limit(_ n: Int) throws -> SOQLQuery {
        guard n > 0 else { throw SOQLBuildError("LIMIT \(n) is not allowed; pass a positive row count.") }
        var q = self; q.rowLimit = n; return q
    }

    public func render() -> String {
        let fields = items.isEmpty ? "Id" : items.map { item -> String in
            switch item {
            case .field(let f): return f
            case .subquery(let sub): return "(" + sub.render() + ")"
            }
        }.joined(separator: ", ")
        var s = "SELECT \(fields) FROM \(object)"
        if let predicate { s += " WHERE " + predicate.render() }
        if !ordering.isEmpty {
            s += " ORDER BY " + ordering.map { o in
                var t = o.field + (o.ascending ? " ASC" : " DESC")
                if let nl = o.nullsLast { t += nl ? " NULLS LAST" : " NULLS FIRST" }
                return t
            }.joined(separator: ", ")
        }
        if let rowLimit { s += " LIMIT \(rowLimit)" }
        return s
    }

    /// Percent-encodes text for `?q=`; only RFC 3986 unreserved characters stay literal.
    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }

    /// The rendered query, percent-encoded for a `?q=` parameter.
    public func percentEncodedQuery() -> String { Self.percentEncode(render()) }

    /// Length of `basePath?q=<encoded>`.
    public func getURLLength(basePath: String) -> Int {
        basePath.utf8.count + 3 + percentEncodedQuery().utf8.count
    }

    /// Whether `basePath?q=<encoded query>` stays within `maxURLLength` characters.
    public func fitsInGET(basePath: String, maxURLLength: Int = SOQLQuery.defaultMaxURLLength) -> Bool {
        getURLLength(basePath: basePath) <= maxURLLength
    }

    /// Splits `field IN (values)` (ANDed with this query's WHERE) into queries that each fit
    /// in a GET URL. Values keep their order and each appears in exactly one query.
    public func splittingIN(field: String, values: [SOQLLiteral], basePath: String,
                            maxURLLength: Int = SOQLQuery.defaultMaxURLLength) throws -> [SOQLQuery] {
        var result: [SOQLQuery] = []
        var start = 0
        while start < values.count {
            let first = try self.where(.in(field, [values[start]]))
            var length = first.getURLLength(basePath: basePath)
            guard length <= maxURLLength else {
                throw SOQLBuildError("The query with one \(field) value needs \(length) URL characters, over the \(maxURLLength) limit; shorten the query or send it by POST.")
            }
            var end = start + 1
            // Encoding is per character, so each extra value adds exactly enc(", " + literal).
            while end < values.count {
                let extra = Self.percentEncode(", " + values[end].render()).utf8.count
                if length + extra > maxURLLength { break }
                length += extra
                end += 1
            }
            let part = try self.where(.in(field, Array(values[start..<end])))
            guard part.fitsInGET(basePath: basePath, maxURLLength: maxURLLength) else {
                throw SOQLBuildError("Internal split of \(field) overran \(maxURLLength) URL characters; report this as a bug.")
            }
            result.append(part)
            start = end
        }
        return result
    }
}
