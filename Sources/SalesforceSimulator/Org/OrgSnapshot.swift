import Foundation

/// `--data-dir` persistence: the current version of every record (deleted ones included, so
/// `queryAll` and `/deleted` still see them) as JSON Lines in `DIR/org.ndjson`, written on a graceful
/// stop and read at start.
///
/// Format, one JSON object per line: a header `{"format":"sfconnect-simulator-org","version":1}`,
/// then `{"o":"Lead","n":42,"v":{"LastName":"Smith","IsDeleted":false,"SystemModstamp":1764651600,…}}`
/// per record: `o` the object, `n` the record number (Ids are rebuilt from the object's key prefix and
/// `n`, so they survive a restart), `v` every non-null field except `Id`; datetimes as epoch seconds,
/// dates as `yyyy-MM-dd`. Record version history is not kept: a restarted org serves each record's
/// latest version.
public enum OrgSnapshot {
    public static let fileName = "org.ndjson"
    static let header = #"{"format":"sfconnect-simulator-org","version":1}"#

    public static func path(in dir: String) -> String { (dir as NSString).appendingPathComponent(fileName) }

    /// Writes the snapshot atomically (a temporary file renamed over the old one).
    /// - Throws: ``SimulatorError`` when the file cannot be written.
    public static func save(_ store: OrgStore, to dir: String) throws(SimulatorError) {
        var w = JSONWriter(capacity: 1 << 20)
        w.raw(header)
        w.bytes.append(10)
        store.lock.read {
            for t in store.tables {
                for seq in 1..<t.currentRow.count {
                    guard let row = t.row(seq: seq) else { continue }
                    line(&w, t, seq: seq, row: row)
                }
            }
        }
        do {
            try Data(w.bytes).write(to: URL(fileURLWithPath: path(in: dir)), options: .atomic)
        } catch {
            throw SimulatorError(kind: .snapshot,
                                 message: "Cannot write the org snapshot \(path(in: dir)): \(error.localizedDescription); check that the data directory is writable.")
        }
    }

    private static func line(_ w: inout JSONWriter, _ t: ObjectTable, seq: Int, row: Int) {
        w.raw(#"{"o":"#); w.string(t.describe.name)
        w.raw(#","n":"#); w.raw(String(seq))
        w.raw(#","v":{"#)
        var first = true
        for (i, f) in t.describe.fields.enumerated() where t.columns[i].kind != .recordId {
            let v = t.value(row: row, column: i)
            if v.isNull { continue }
            if !first { w.comma() }
            first = false
            w.key(f.name)
            if case .datetime(let d) = v { w.raw(String(Int64(d.timeIntervalSince1970.rounded(.down)))) } else { w.value(v) }
        }
        w.raw("}}\n")
    }

    /// Loads `DIR/org.ndjson` into `store` (built from the same schema, without synthetic data).
    /// - Returns: false when there is no snapshot.
    /// - Throws: ``SimulatorError`` naming the line for a damaged file or a record the schema lacks.
    @discardableResult
    public static func load(into store: OrgStore, from dir: String) throws(SimulatorError) -> Bool {
        let file = path(in: dir)
        guard let data = FileManager.default.contents(atPath: file) else { return false }
        var number = 0
        try store.lock.write { () throws(SimulatorError) in
            for lineBytes in data.split(separator: 10, omittingEmptySubsequences: true) {
                number += 1
                if number == 1 {
                    guard String(decoding: lineBytes, as: UTF8.self) == header else {
                        throw fail(file, number, "this is not a simulator org snapshot (expected \(header))")
                    }
                    continue
                }
                try restore(Data(lineBytes), into: store, file: file, line: number)
            }
        }
        return true
    }

    private static func restore(_ bytes: Data, into store: OrgStore, file: String, line: Int) throws(SimulatorError) {
        guard let object = (try? JSONSerialization.jsonObject(with: bytes)) as? [String: Any],
              let name = object["o"] as? String, let seq = object["n"] as? Int, seq > 0,
              let values = object["v"] as? [String: Any] else {
            throw fail(file, line, "the line is not a record ({\"o\":…,\"n\":…,\"v\":{…}})")
        }
        guard let t = store.table(name) else { throw fail(file, line, "the org's schema has no object \(name)") }
        var changes: [Int: SimValue] = [:]
        for (key, raw) in values {
            guard let col = t.fieldIndex[key.lowercased()] else {
                throw fail(file, line, "\(name) has no field \(key) in the org's schema")
            }
            guard let v = decode(raw, kind: t.columns[col].kind), let coerced = t.columns[col].coerce(v) else {
                throw fail(file, line, "\(name).\(key) holds a value that is not a \(t.describe.fields[col].type.rawValue)")
            }
            changes[col] = coerced
        }
        while t.currentRow.count < seq { t.currentRow.append(-1) }
        _ = t.appendVersion(seq: seq, base: nil, changes: changes)
    }

    private static func decode(_ raw: Any, kind: Column.Kind) -> SimValue? {
        if raw is NSNull { return .null }
        switch kind {
        case .text, .recordId: return (raw as? String).map { .string($0) }
        case .date: return (raw as? String).map { .date($0) }
        case .bool: return (raw as? Bool).map { .bool($0) }
        case .int: return (raw as? Int).map { .int($0) }
        case .double: return (raw as? NSNumber).map { .double($0.doubleValue) }
        case .datetime: return (raw as? NSNumber).map { .datetime(Date(timeIntervalSince1970: $0.doubleValue)) }
        }
    }

    private static func fail(_ file: String, _ line: Int, _ why: String) -> SimulatorError {
        SimulatorError(kind: .snapshot, message: "\(file):\(line): \(why); delete the file to start from a fresh org.")
    }
}
