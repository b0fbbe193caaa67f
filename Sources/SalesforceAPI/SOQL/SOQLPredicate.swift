import Foundation

/// Validates Salesforce API names and dotted relationship paths.
enum SOQLName {
    static func validate(_ name: String) throws -> String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        let ok = !parts.isEmpty && parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, first.isASCIILetter else { return false }
            guard part.unicodeScalars.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" })
            else { return false }
            return !part.hasSuffix("_") && !part.contains("___")
        }
        guard ok else {
            throw SOQLBuildError("'\(name)' is not a Salesforce API name; use the field's API name from describe (letters, digits and underscores).")
        }
        return name
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

/// A WHERE-clause predicate. Build with the throwing factories; field names are validated.
public struct SOQLPredicate: Sendable, Equatable {
    indirect enum Node: Sendable, Equatable {
        case compare(String, String, SOQLLiteral)
        case list(String, String, [SOQLLiteral])
        case and([Node]), or([Node]), not(Node)
    }
    let node: Node

    static func cmp(_ field: String, _ op: String, _ value: SOQLLiteral) throws -> SOQLPredicate {
        try value.validate()
        return SOQLPredicate(node: .compare(try SOQLName.validate(field), op, value))
    }
    public static func eq(_ f: String, _ v: SOQLLiteral) throws -> SOQLPredicate { try cmp(f, "=", v) }
    public static func ne(_ f: String, _ v: SOQLLiteral) throws -> SOQLPredicate { try cmp(f, "!=", v) }
    public static func gt(_ f: String, _ v: SOQLLiteral) throws -> SOQLPredicate { try cmp(f, ">", v) }
    public static func ge(_ f: String, _ v: SOQLLiteral) throws -> SOQLPredicate { try cmp(f, ">=", v) }
    public static func lt(_ f: String, _ v: SOQLLiteral) throws -> SOQLPredicate { try cmp(f, "<", v) }
    public static func le(_ f: String, _ v: SOQLLiteral) throws -> SOQLPredicate { try cmp(f, "<=", v) }
    public static func like(_ f: String, _ pattern: SOQLLiteral) throws -> SOQLPredicate {
        try cmp(f, "LIKE", pattern)
    }
    public static func `in`(_ f: String, _ values: [SOQLLiteral]) throws -> SOQLPredicate {
        try list(f, "IN", values)
    }
    public static func notIn(_ f: String, _ values: [SOQLLiteral]) throws -> SOQLPredicate {
        try list(f, "NOT IN", values)
    }
    static func list(_ f: String, _ op: String, _ values: [SOQLLiteral]) throws -> SOQLPredicate {
        guard !values.isEmpty else {
            throw SOQLBuildError("\(op) on '\(f)' needs at least one value; skip the query when the list is empty.")
        }
        try values.forEach { try $0.validate() }
        return SOQLPredicate(node: .list(try SOQLName.validate(f), op, values))
    }
    public static func and(_ ps: [SOQLPredicate]) throws -> SOQLPredicate {
        guard !ps.isEmpty else { throw SOQLBuildError("AND needs at least one predicate; drop the empty group.") }
        return ps.count == 1 ? ps[0] : SOQLPredicate(node: .and(ps.map(\.node)))
    }
    public static func or(_ ps: [SOQLPredicate]) throws -> SOQLPredicate {
        guard !ps.isEmpty else { throw SOQLBuildError("OR needs at least one predicate; drop the empty group.") }
        return ps.count == 1 ? ps[0] : SOQLPredicate(node: .or(ps.map(\.node)))
    }
    public static func not(_ p: SOQLPredicate) -> SOQLPredicate { SOQLPredicate(node: .not(p.node)) }

    /// `(F > t OR (F = t AND Id > 'id'))`: rows strictly after the (timestamp, id) cursor.
    public static func keysetAfter(timestampField: String, timestamp: Date,
                                   idField: String = "Id", id: String) throws -> SOQLPredicate {
        let t = SOQLLiteral.datetime(timestamp)
        return try .or([.gt(timestampField, t),
                        .and([.eq(timestampField, t), .gt(idField, .string(id))])])
    }

    public func render() -> String { Self.render(node) }

    static func render(_ n: Node) -> String {
        switch n {
        case .compare(let f, let op, let v): return "\(f) \(op) \(v.render())"
        case .list(let f, let op, let vs): return "\(f) \(op) (" + vs.map { $0.render() }.joined(separator: ", ") + ")"
        case .and(let ns): return "(" + ns.map(render).joined(separator: " AND ") + ")"
        case .or(let ns): return "(" + ns.map(render).joined(separator: " OR ") + ")"
        case .not(let inner): return "(NOT " + render(inner) + ")"
        }
    }
}
