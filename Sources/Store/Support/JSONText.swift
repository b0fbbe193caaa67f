import ConnectorCore

/// A small, fast JSON writer and reader for ``JSONValue`` (the store encodes every record and
/// profile contribution; Foundation's coders are several times slower on this path).
enum JSONText {
    static func encode(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    static func encode(_ object: [String: JSONValue], sortedKeys: Bool = false) -> String {
        var out = "{"
        let keys = sortedKeys ? object.keys.sorted() : Array(object.keys)
        for (i, k) in keys.enumerated() {
            if i > 0 { out += "," }
            writeString(k, into: &out)
            out += ":"
            write(object[k]!, into: &out)
        }
        return out + "}"
    }

    static func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n):
            if !n.isFinite { out += "null" }
            else if n.rounded() == n, abs(n) < 1e15 { out += String(Int64(n)) }
            else { out += "\(n)" }
        case .string(let s): writeString(s, into: &out)
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() { if i > 0 { out += "," }; write(v, into: &out) }
            out += "]"
        case .object(let o): out += encode(o, sortedKeys: true)
        }
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        var plain = true
        for u in s.utf8 where u < 0x20 || u == 0x22 || u == 0x5C { plain = false; break }
        if plain { out += s; out += "\""; return }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }

    /// Parses one JSON text.
    /// - Throws: ``JSONText/SyntaxError`` with the byte offset.
    static func decode(_ text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { buf in
            var p = JSONParser(bytes: buf)
            let v = try p.value()
            p.skipSpace()
            guard p.at == buf.count else { throw SyntaxError(offset: p.at, reason: "unexpected text after the value") }
            return v
        }
    }

    struct SyntaxError: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "\(reason) at character \(offset + 1)" }
    }
}
