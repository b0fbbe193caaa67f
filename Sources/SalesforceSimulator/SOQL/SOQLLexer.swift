import Foundation

/// Splits a SOQL statement into tokens.
struct SOQLLexer {
    let query: String
    private let chars: [Character]
    private var i = 0

    init(_ query: String) {
        self.query = query
        chars = Array(query)
    }

    static func tokenize(_ query: String) throws(SOQLError) -> [SOQLToken] {
        var lexer = SOQLLexer(query)
        var out: [SOQLToken] = []
        while true {
            let t = try lexer.next()
            out.append(t)
            if t.kind == .eof { return out }
        }
    }

    private func isDigit(_ c: Character) -> Bool { c >= "0" && c <= "9" }
    private func isIdentStart(_ c: Character) -> Bool { c.isLetter || c == "_" }
    private func isIdentChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "." }

    private func unexpected(_ start: Int) -> SOQLError {
        var end = start + 1
        while end < chars.count, !chars[end].isWhitespace, !"(),".contains(chars[end]) { end += 1 }
        return .unexpectedToken(String(chars[start..<end]), query: query, offset: start)
    }

    mutating func next() throws(SOQLError) -> SOQLToken {
        while i < chars.count, chars[i].isWhitespace { i += 1 }
        let start = i
        guard i < chars.count else { return SOQLToken(kind: .eof, text: "", raw: "<EOF>", offset: start) }
        let c = chars[i]
        if isIdentStart(c) {
            while i < chars.count, isIdentChar(chars[i]) { i += 1 }
            let s = String(chars[start..<i])
            return SOQLToken(kind: .ident, text: s, raw: s, offset: start)
        }
        if c == "'" { return try lexString() }
        if isDigit(c) || ((c == "-" || c == "+") && i + 1 < chars.count && isDigit(chars[i + 1])) {
            return try lexNumberOrDate()
        }
        let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
        if ["!=", "<>", "<=", ">="].contains(two) {
            i += 2
            return SOQLToken(kind: .symbol, text: two == "<>" ? "!=" : two, raw: two, offset: start)
        }
        if "(),=<>".contains(c) {
            i += 1
            return SOQLToken(kind: .symbol, text: String(c), raw: String(c), offset: start)
        }
        throw unexpected(start)
    }

    private mutating func lexString() throws(SOQLError) -> SOQLToken {
        let start = i
        i += 1
        var value = ""
        var like: [LikeElement] = []
        while true {
            guard i < chars.count else {
                throw SOQLError.malformed("line 1:\(start) mismatched character '<EOF>' expecting '''",
                                          query: query, offset: start)
            }
            let c = chars[i]
            if c == "'" { i += 1; break }
            if c == "\\" {
                guard i + 1 < chars.count else { i += 1; continue }
                let e = chars[i + 1]
                let decoded: Character
                switch e {
                case "'": decoded = "'"
                case "\\": decoded = "\\"
                case "\"": decoded = "\""
                case "n": decoded = "\n"
                case "r": decoded = "\r"
                case "t": decoded = "\t"
                case "b": decoded = "\u{08}"
                case "f": decoded = "\u{0C}"
                case "%": decoded = "%"
                case "_": decoded = "_"
                default:
                    let literal = String(chars[start..<min(chars.count, i + 2)])
                    throw SOQLError.malformed(
                        "Invalid string literal '\(literal)'. Illegal character sequence '\\\(e)' in string literal.",
                        query: query, offset: start)
                }
                value.append(decoded)
                like.append(.char(decoded))
                i += 2
                continue
            }
            value.append(c)
            like.append(c == "%" ? .anyRun : c == "_" ? .anyOne : .char(c))
            i += 1
        }
        return SOQLToken(kind: .string, text: value, raw: String(chars[start..<i]), offset: start, like: like)
    }

    private mutating func lexNumberOrDate() throws(SOQLError) -> SOQLToken {
        let start = i
        if chars[i] == "-" || chars[i] == "+" { i += 1 }
        while i < chars.count, isDigit(chars[i]) { i += 1 }
        // Date / datetime literal: yyyy-MM-dd[THH:mm:ss[.fff](Z|±HH:mm)]
        if i - start == 4, chars[start] != "-", chars[start] != "+", i < chars.count, chars[i] == "-" {
            while i < chars.count, isIdentChar(chars[i]) || "-+:".contains(chars[i]) { i += 1 }
            let s = String(chars[start..<i])
            if SOQLDates.isDate(s) {
                return SOQLToken(kind: .date, text: s, raw: s, offset: start)
            }
            if let d = SOQLDates.parseDateTime(s) {
                return SOQLToken(kind: .datetime, text: s, raw: s, offset: start, dateTime: d)
            }
            throw SOQLError.unexpectedToken(s, query: query, offset: start)
        }
        if i < chars.count, chars[i] == ".", i + 1 < chars.count, isDigit(chars[i + 1]) {
            i += 1
            while i < chars.count, isDigit(chars[i]) { i += 1 }
        }
        if i < chars.count, isIdentStart(chars[i]) { throw unexpected(start) }
        let s = String(chars[start..<i])
        return SOQLToken(kind: .number, text: s.hasPrefix("+") ? String(s.dropFirst()) : s, raw: s, offset: start)
    }
}
