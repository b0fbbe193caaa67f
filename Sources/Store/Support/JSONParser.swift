import ConnectorCore

/// A recursive-descent JSON parser over UTF-8 bytes (see ``JSONText/decode(_:)``).
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    typealias Failure = JSONText.SyntaxError

    func fail(_ reason: String) -> Failure { Failure(offset: at, reason: reason) }

    mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    mutating func value() throws(Failure) -> JSONValue {
        skipSpace()
        guard at < bytes.count else { throw fail("unexpected end of text") }
        switch bytes[at] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return .number(try number())
        }
    }

    mutating func literal(_ word: StaticString) throws(Failure) {
        let n = word.utf8CodeUnitCount
        guard at + n <= bytes.count else { throw fail("unexpected end of text") }
        for i in 0..<n where bytes[at + i] != word.utf8Start[i] { throw fail("invalid literal") }
        at += n
    }

    mutating func object() throws(Failure) -> JSONValue {
        depth += 1
        guard depth < 512 else { throw fail("nesting too deep") }
        at += 1
        var result: [String: JSONValue] = [:]
        skipSpace()
        if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; depth -= 1; return .object(result) }
        while true {
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
            let key = try string()
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
            at += 1
            result[key] = try value()
            skipSpace()
            guard at < bytes.count else { throw fail("unexpected end of text in an object") }
            if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
            if bytes[at] == UInt8(ascii: "}") { at += 1; depth -= 1; return .object(result) }
            throw fail("expected ',' or '}' in an object")
        }
    }

    mutating func array() throws(Failure) -> JSONValue {
        depth += 1
        guard depth < 512 else { throw fail("nesting too deep") }
        at += 1
        var result: [JSONValue] = []
        skipSpace()
        if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; depth -= 1; return .array(result) }
        while true {
            result.append(try value())
            skipSpace()
            guard at < bytes.count else { throw fail("unexpected end of text in an array") }
            if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
            if bytes[at] == UInt8(ascii: "]") { at += 1; depth -= 1; return .array(result) }
            throw fail("expected ',' or ']' in an array")
        }
    }

    mutating func number() throws(Failure) -> Double {
        let start = at
        while at < bytes.count {
            let c = bytes[at]
            guard (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2B || c == 0x2E || c == 0x65 || c == 0x45 else { break }
            at += 1
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
        guard !text.isEmpty, let d = Double(text) else { at = start; throw fail("invalid value") }
        return d
    }

    mutating func string() throws(Failure) -> String {
        at += 1
        let start = at
        var escaped = false
        while at < bytes.count {
            let c = bytes[at]
            if c == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<at])
                at += 1
                return escaped ? try unescape(slice) : String(decoding: slice, as: UTF8.self)
            }
            if c == UInt8(ascii: "\\") { escaped = true; at += 1 }
            else if c < 0x20 { throw fail("control character in a string") }
            at += 1
        }
        throw fail("unterminated string")
    }

    func unescape(_ s: UnsafeBufferPointer<UInt8>) throws(Failure) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            let c = s[i]
            guard c == UInt8(ascii: "\\"), i + 1 < s.count else { out.append(c); i += 1; continue }
            let e = s[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                guard i + 4 <= s.count, var code = UInt32(String(decoding: UnsafeBufferPointer(rebasing: s[i..<i + 4]), as: UTF8.self), radix: 16)
                else { throw fail("invalid \\u escape") }
                i += 4
                if (0xD800..<0xDC00).contains(code), i + 6 <= s.count, s[i] == UInt8(ascii: "\\"), s[i + 1] == UInt8(ascii: "u"),
                   let low = UInt32(String(decoding: UnsafeBufferPointer(rebasing: s[i + 2..<i + 6]), as: UTF8.self), radix: 16),
                   (0xDC00..<0xE000).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                out.append(contentsOf: Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8))
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
