import Foundation

/// One cell of an ingest upload: an empty cell leaves the field unchanged, `#N/A` sets it to null.
enum BulkIngestCell: Sendable, Equatable {
    case unchanged
    case null
    case value(String)

    init(raw: String) {
        if raw.isEmpty { self = .unchanged } else if raw == "#N/A" { self = .null } else { self = .value(raw) }
    }
}

/// A parsed ingest upload: the header and the data rows, raw text kept for result files.
struct BulkCSVTable: Sendable, Equatable {
    var header: [String]
    var rows: [[String]]
}

/// Why an upload could not be parsed; the text becomes the failed job's `errorMessage`.
struct BulkCSVError: Error, Sendable, Equatable {
    var message: String
}

/// Reads ingest CSV (§7.2): quoted fields with doubled quotes, delimiters and newlines inside
/// quotes, LF or CRLF line ends. A quote inside an unquoted field, text after a closing quote, an
/// unterminated quote or a row whose width differs from the header is an error.
struct BulkCSVReader: Sendable {
    var format = BulkCSVFormat()

    func read(_ text: String) throws(BulkCSVError) -> BulkCSVTable {
        var records = try split(text)
        guard !records.isEmpty, !(records[0].count == 1 && records[0][0].isEmpty) else {
            throw BulkCSVError(message: "InvalidBatch : Failed to parse CSV header: the upload is empty")
        }
        let header = records.removeFirst()
        for (i, r) in records.enumerated() where r.count != header.count {
            throw BulkCSVError(message:
                "InvalidBatch : Wrong number of columns in row \(i + 1): found \(r.count), header has \(header.count)")
        }
        return BulkCSVTable(header: header, rows: records)
    }

    private func split(_ text: String) throws(BulkCSVError) -> [[String]] {
        let delimiter = format.delimiter.unicodeScalars.first!
        let scalars = Array(text.unicodeScalars)
        var records: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var i = 0
        var atFieldStart = true
        func endField() { row.append(String(field)); field = .init(); atFieldStart = true }
        func endRow() { endField(); records.append(row); row = [] }
        while i < scalars.count {
            let c = scalars[i]
            if atFieldStart && c == "\"" {
                i += 1
                var closed = false
                while i < scalars.count {
                    if scalars[i] == "\"" {
                        if i + 1 < scalars.count, scalars[i + 1] == "\"" { field.append("\""); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    field.append(scalars[i])
                    i += 1
                }
                guard closed else {
                    throw BulkCSVError(message: "InvalidBatch : Failed to parse CSV. Found an unterminated quoted value")
                }
                atFieldStart = false
                if i < scalars.count, scalars[i] != delimiter, scalars[i] != "\n", scalars[i] != "\r" {
                    throw BulkCSVError(message:
                        "InvalidBatch : Failed to parse CSV. Found text after a closing quote in row \(records.count + 1)")
                }
                continue
            }
            atFieldStart = false
            if c == delimiter {
                endField()
            } else if c == "\n" || c == "\r" {
                if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                endRow()
            } else if c == "\"" {
                throw BulkCSVError(message: "InvalidBatch : Failed to parse CSV. Found unescaped quote. "
                                   + "A value with a quote should be within a quote")
            } else {
                field.append(c)
            }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty || !atFieldStart { endRow() }
        return records
    }
}
