import Foundation

/// A streaming CSV parser (RFC 4180 as Bulk API 2.0 writes it): quoted fields, doubled
/// quotes inside them, delimiters and CR/LF inside quotes, LF or CRLF row ends. Feed it chunks
/// split anywhere (inside a quote pair, between CR and LF, inside a UTF-8 character) and
/// take the complete rows after each chunk; only the unfinished row is held.
public struct CSVParser: Sendable {
    /// A malformed CSV text; `description` says where and what.
    public struct Failure: Error, Sendable, CustomStringConvertible, Equatable {
        public let description: String
    }

    private enum State: Sendable { case fieldStart, unquoted, quoted, quoteInQuoted, afterCR }

    private let delimiter: UInt8
    private var state: State = .fieldStart
    private var field: [UInt8] = []
    private var row: [String] = []
    private var rows: [[String]] = []
    private var rowHasContent = false
    /// 1-based line of the row being parsed, for errors.
    private var line = 1

    public init(delimiter: UInt8 = UInt8(ascii: ",")) { self.delimiter = delimiter }

    /// Parses `chunk` and returns the rows it completed.
    /// - Throws: ``Failure`` for a character after a closing quote that is not a delimiter or a row end.
    public mutating func feed(_ chunk: Data) throws -> [[String]] {
        for byte in chunk { try consume(byte) }
        defer { rows.removeAll(keepingCapacity: true) }
        return rows
    }

    /// Ends the input and returns the last row if it had no line end.
    /// - Throws: ``Failure`` for a quoted field that never closes.
    public mutating func finish() throws -> [[String]] {
        switch state {
        case .quoted:
            throw Failure(description: "CSV row \(line): a quoted field never closes; the data ends inside quotes.")
        case .afterCR:
            break
        default:
            if rowHasContent || !row.isEmpty || !field.isEmpty { endRow() }
        }
        state = .fieldStart
        defer { rows.removeAll() }
        return rows
    }

    private mutating func consume(_ byte: UInt8) throws {
        switch state {
        case .afterCR:
            state = .fieldStart
            if byte == UInt8(ascii: "\n") { return }
            try consume(byte)
        case .fieldStart:
            if byte == UInt8(ascii: "\"") {
                state = .quoted
                rowHasContent = true
            } else {
                state = .unquoted
                try consume(byte)
            }
        case .unquoted:
            switch byte {
            case delimiter: endField(); state = .fieldStart; rowHasContent = true
            case UInt8(ascii: "\n"): endLine()
            case UInt8(ascii: "\r"): endLine(); state = .afterCR
            default: field.append(byte); rowHasContent = true
            }
        case .quoted:
            if byte == UInt8(ascii: "\"") { state = .quoteInQuoted } else { field.append(byte) }
        case .quoteInQuoted:
            switch byte {
            case UInt8(ascii: "\""): field.append(byte); state = .quoted
            case delimiter: endField(); state = .fieldStart
            case UInt8(ascii: "\n"): endLine()
            case UInt8(ascii: "\r"): endLine(); state = .afterCR
            default:
                throw Failure(description: "CSV row \(line): '\(Character(Unicode.Scalar(byte)))' follows a closing quote; a quote inside a quoted field must be doubled (\"\").")
            }
        }
    }

    private mutating func endField() {
        row.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }

    /// A row end outside quotes; a blank line is skipped.
    private mutating func endLine() {
        if rowHasContent || !row.isEmpty || !field.isEmpty { endRow() } else { line += 1 }
        state = .fieldStart
    }

    private mutating func endRow() {
        endField()
        rows.append(row)
        row.removeAll(keepingCapacity: true)
        rowHasContent = false
        line += 1
    }
}
