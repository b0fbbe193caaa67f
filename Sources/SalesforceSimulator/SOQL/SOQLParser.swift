/// Recursive-descent parser for the supported SOQL subset.
struct SOQLParser {
    let query: String
    private var tokens: [SOQLToken]
    private var pos = 0

    private static let reserved: Set<String> = [
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "ORDER", "LIMIT", "OFFSET", "LIKE", "IN",
        "NULL", "TRUE", "FALSE", "GROUP", "HAVING",
    ]

    init(_ query: String) throws(SOQLError) {
        self.query = query
        tokens = try SOQLLexer.tokenize(query)
    }

    static func parse(_ query: String) throws(SOQLError) -> SelectQuery {
        var p = try SOQLParser(query)
        let q = try p.parseSelect(nested: false)
        guard p.peek.kind == .eof else { throw p.unexpected() }
        return q
    }

    private var peek: SOQLToken { tokens[pos] }

    private mutating func advance() -> SOQLToken {
        let t = tokens[pos]
        if t.kind != .eof { pos += 1 }
        return t
    }

    private func unexpected(_ t: SOQLToken? = nil) -> SOQLError {
        let tok = t ?? peek
        return .unexpectedToken(tok.raw, query: query, offset: tok.offset)
    }

    private mutating func keyword(_ k: String) -> Bool {
        if peek.isKeyword(k) { pos += 1; return true }
        return false
    }

    private mutating func symbol(_ s: String) -> Bool {
        if peek.isSymbol(s) { pos += 1; return true }
        return false
    }

    private mutating func expectKeyword(_ k: String) throws(SOQLError) {
        guard keyword(k) else { throw unexpected() }
    }

    private mutating func expectSymbol(_ s: String) throws(SOQLError) {
        guard symbol(s) else { throw unexpected() }
    }

    private mutating func identifier() throws(SOQLError) -> FieldPath {
        let t = peek
        guard t.kind == .ident, !Self.reserved.contains(t.text.uppercased()) else { throw unexpected() }
        let parts = t.text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else { throw unexpected() }
        pos += 1
        return FieldPath(parts: parts, offset: t.offset)
    }

    private mutating func integer() throws(SOQLError) -> Int {
        let t = peek
        guard t.kind == .number, let n = Int(t.text), n >= 0 else { throw unexpected() }
        pos += 1
        return n
    }

    mutating func parseSelect(nested: Bool) throws(SOQLError) -> SelectQuery {
        var q = SelectQuery()
        try expectKeyword("SELECT")
        repeat {
            if !q.items.isEmpty, q.isCount { throw unexpected(tokens[pos - 1]) }
            q.items.append(try parseItem(nested: nested, first: q.items.isEmpty))
        } while symbol(",")
        try expectKeyword("FROM")
        let obj = try identifier()
        guard obj.parts.count == 1 else { throw unexpected(tokens[pos - 1]) }
        q.object = obj.parts[0]
        q.objectOffset = obj.offset
        if keyword("WHERE") { q.condition = try parseCondition() }
        if keyword("ORDER") {
            try expectKeyword("BY")
            repeat { q.orderBy.append(try parseOrderItem()) } while symbol(",")
        }
        if keyword("LIMIT") { q.limit = try integer() }
        if keyword("OFFSET") { q.offset = try integer() }
        return q
    }

    private mutating func parseItem(nested: Bool, first: Bool) throws(SOQLError) -> SelectItem {
        if !nested, symbol("(") {
            let sub = try parseSelect(nested: true)
            try expectSymbol(")")
            return .subquery(sub)
        }
        if peek.isKeyword("COUNT"), tokens[pos + 1].isSymbol("(") {
            let countToken = advance()
            pos += 1
            try expectSymbol(")")
            guard first, !nested else { throw unexpected(countToken) }
            return .count
        }
        return .field(try identifier())
    }

    private mutating func parseOrderItem() throws(SOQLError) -> OrderItem {
        let path = try identifier()
        var asc = true
        if keyword("DESC") { asc = false } else { _ = keyword("ASC") }
        var nullsFirst = asc
        if keyword("NULLS") {
            if keyword("FIRST") { nullsFirst = true } else if keyword("LAST") { nullsFirst = false } else {
                throw unexpected()
            }
        }
        return OrderItem(path: path, ascending: asc, nullsFirst: nullsFirst)
    }

    /// AND and OR may not be mixed without parentheses.
    private mutating func parseCondition() throws(SOQLError) -> Condition {
        let first = try parseUnary()
        if peek.isKeyword("AND") {
            var parts = [first]
            while keyword("AND") { parts.append(try parseUnary()) }
            if peek.isKeyword("OR") { throw unexpected() }
            return .and(parts)
        }
        if peek.isKeyword("OR") {
            var parts = [first]
            while keyword("OR") { parts.append(try parseUnary()) }
            if peek.isKeyword("AND") { throw unexpected() }
            return .or(parts)
        }
        return first
    }

    private mutating func parseUnary() throws(SOQLError) -> Condition {
        if keyword("NOT") { return .not(try parseUnary()) }
        if symbol("(") {
            let c = try parseCondition()
            try expectSymbol(")")
            return c
        }
        return try parseSimple()
    }

    private mutating func parseSimple() throws(SOQLError) -> Condition {
        let path = try identifier()
        if keyword("NOT") {
            try expectKeyword("IN")
            return .inList(path, try parseList(), negated: true)
        }
        if keyword("IN") { return .inList(path, try parseList(), negated: false) }
        if keyword("LIKE") {
            let t = peek
            guard t.kind == .string else { throw unexpected() }
            pos += 1
            return .like(path, t.like)
        }
        let t = peek
        guard t.kind == .symbol, let op = CompareOp(rawValue: t.text) else { throw unexpected() }
        pos += 1
        return .compare(path, op, try parseLiteral())
    }

    private mutating func parseList() throws(SOQLError) -> [Literal] {
        try expectSymbol("(")
        var items: [Literal] = []
        repeat { items.append(try parseLiteral()) } while symbol(",")
        try expectSymbol(")")
        return items
    }

    private mutating func parseLiteral() throws(SOQLError) -> Literal {
        let t = peek
        let lit: Literal
        switch t.kind {
        case .string: lit = .string(t.text)
        case .number: lit = .number(t.text)
        case .date: lit = .date(t.text)
        case .datetime: lit = .datetime(t.dateTime!)
        case .ident where t.isKeyword("NULL"): lit = .null
        case .ident where t.isKeyword("TRUE"): lit = .bool(true)
        case .ident where t.isKeyword("FALSE"): lit = .bool(false)
        default: throw unexpected()
        }
        pos += 1
        return lit
    }
}
