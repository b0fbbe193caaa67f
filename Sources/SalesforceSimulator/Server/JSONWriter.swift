import Foundation

/// A small, fast JSON writer for query pages and records (explicit nulls, UTF-8 passed through).
struct JSONWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func string(_ s: String) {
        bytes.append(34)
        for b in s.utf8 {
            switch b {
            case 34: bytes.append(92); bytes.append(34)
            case 92: bytes.append(92); bytes.append(92)
            case 10: bytes.append(92); bytes.append(110)
            case 13: bytes.append(92); bytes.append(114)
            case 9: bytes.append(92); bytes.append(116)
            case 0..<32:
                raw("\\u00")
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(hex[Int(b >> 4)]); bytes.append(hex[Int(b & 15)])
            default: bytes.append(b)
            }
        }
        bytes.append(34)
    }

    mutating func key(_ k: String) {
        string(k)
        bytes.append(58)
    }

    mutating func comma() { bytes.append(44) }

    mutating func value(_ v: SimValue) {
        switch v {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .int(let n): raw(String(n))
        case .double(let d): raw(d.isFinite ? "\(d)" : "null")
        case .string(let s): string(s)
        case .date(let s): string(s)
        case .datetime(let d): string(OrgDates.restDateTime(d))
        }
    }

    var data: Data { Data(bytes) }
}
