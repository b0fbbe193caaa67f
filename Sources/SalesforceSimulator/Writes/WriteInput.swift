import Foundation

/// A JSON value from a write request body, keeping booleans, numbers and nulls apart.
indirect enum WriteJSON: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([WriteJSON])
    case object([String: WriteJSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null } else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([WriteJSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: WriteJSON].self)) }
    }

    /// Parses a request body; nil when it is not JSON.
    static func parse(_ data: Data) -> WriteJSON? { try? JSONDecoder().decode(WriteJSON.self, from: data) }

    var objectValue: [String: WriteJSON]? { if case .object(let o) = self { return o } else { return nil } }
    var arrayValue: [WriteJSON]? { if case .array(let a) = self { return a } else { return nil } }
    var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
}

/// A field value as a client sent it, before coercion to the field's type.
enum WriteInputValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case text(String)

    /// The value as the client wrote it, for error messages.
    var display: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return BulkCSVWriter.number(d)
        case .text(let s): return s
        }
    }
}

/// Field values of one record to write: canonical or client spelling → value.
typealias WriteInputRecord = [(name: String, value: WriteInputValue)]
