import Foundation

enum LikeElement: Sendable, Equatable {
    case char(Character)
    case anyRun   // %
    case anyOne   // _
}

enum SOQLTokenKind: Sendable, Equatable {
    case ident, string, number, date, datetime, symbol, eof
}

struct SOQLToken: Sendable {
    var kind: SOQLTokenKind
    /// Identifier / symbol / number text; decoded value for strings; literal text for dates.
    var text: String
    /// Source text, used in error messages.
    var raw: String
    /// Character offset in the query (0-based).
    var offset: Int
    var like: [LikeElement] = []
    var dateTime: Date?

    func isKeyword(_ k: String) -> Bool { kind == .ident && text.uppercased() == k }
    func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
}

struct FieldPath: Sendable {
    var parts: [String]
    var offset: Int
}

enum Literal: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case date(String)
    case datetime(Date)
}

enum CompareOp: String, Sendable {
    case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
}

indirect enum Condition: Sendable {
    case and([Condition])
    case or([Condition])
    case not(Condition)
    case compare(FieldPath, CompareOp, Literal)
    case like(FieldPath, [LikeElement])
    case inList(FieldPath, [Literal], negated: Bool)
}

struct OrderItem: Sendable {
    var path: FieldPath
    var ascending: Bool
    var nullsFirst: Bool
}

indirect enum SelectItem: Sendable {
    case field(FieldPath)
    case count
    case subquery(SelectQuery)
}

struct SelectQuery: Sendable {
    var items: [SelectItem] = []
    var object = ""
    var objectOffset = 0
    var condition: Condition?
    var orderBy: [OrderItem] = []
    var limit: Int?
    var offset: Int?

    var isCount: Bool { items.contains { if case .count = $0 { return true } else { return false } } }
}
