import Foundation

/// The versions of one object's records. Rows are append-only: an update or delete appends a new
/// version and moves the record's current-row pointer, so a row once written never changes (query
/// cursors keep reading the versions they matched). Guarded by ``OrgStore``'s lock.
final class ObjectTable: @unchecked Sendable {
    let describe: ObjectDescribe
    let prefix: String
    /// Lower-cased field name → column.
    let fieldIndex: [String: Int]
    var columns: [Column]
    /// Row → record number.
    var rowSeq = ContiguousArray<Int32>()
    /// Record number → current row (index 0 unused).
    var currentRow = ContiguousArray<Int32>([-1])
    /// Lazily built case-insensitive lookups: column → lower-cased text → record numbers (may be stale; callers
    /// re-check the current value).
    var indexes: [Int: TextIndex] = [:]
    /// Columns whose lookup is built up front and kept current by every write (the foreign keys of
    /// child relationships), so readers under the shared lock can use it without building it.
    private(set) var eagerIndexes: [Int] = []
    let deletedColumn: Int?
    let stampColumn: Int?

    init(_ describe: ObjectDescribe) {
        self.describe = describe
        prefix = describe.keyPrefix
        var idx: [String: Int] = [:]
        for (i, f) in describe.fields.enumerated() { idx[f.name.lowercased()] = i }
        fieldIndex = idx
        columns = describe.fields.map { Column($0.type) }
        deletedColumn = idx["isdeleted"]
        stampColumn = idx["systemmodstamp"]
    }

    var rowCount: Int { rowSeq.count }
    var recordCount: Int { currentRow.count - 1 }

    func id(ofRow row: Int) -> String { RecordID.make(prefix: prefix, seq: Int(rowSeq[row])) }

    func value(row: Int, column: Int) -> SimValue {
        let c = columns[column]
        if c.kind == .recordId { return .string(id(ofRow: row)) }
        return c.value(row)
    }

    func value(row: Int, lowerKey: String) -> SimValue {
        guard let c = fieldIndex[lowerKey] else { return .null }
        return value(row: row, column: c)
    }

    func isDeleted(row: Int) -> Bool {
        guard let d = deletedColumn else { return false }
        return columns[d].scalars[row] == 1
    }

    /// Current row of a record number, or nil.
    func row(seq: Int) -> Int? {
        guard seq > 0, seq < currentRow.count else { return nil }
        let r = Int(currentRow[seq])
        return r >= 0 ? r : nil
    }

    /// Appends a version of record `seq`: cells from `base` (or null) with `changes` (column → value,
    /// already coerced) applied. Returns the new row.
    func appendVersion(seq: Int, base: Int?, changes: [Int: SimValue]) -> Int {
        let row = rowSeq.count
        for i in columns.indices {
            if let v = changes[i] {
                let cell = columns[i].encode(v)
                columns[i].appendRaw(cell)
            } else if let base {
                columns[i].appendRaw(columns[i].raw(base))
            } else {
                columns[i].appendRaw(columns[i].kind == .text ? 0 : Column.null)
            }
        }
        rowSeq.append(Int32(seq))
        while currentRow.count <= seq { currentRow.append(-1) }
        currentRow[seq] = Int32(row)
        for (col, _) in indexes { addToIndex(col, seq: seq, row: row) }
        return row
    }

    private func addToIndex(_ col: Int, seq: Int, row: Int) {
        guard case .string(let s) = value(row: row, column: col) else { return }
        let key = s.lowercased()
        indexes[col]?.add(key, seq: Int32(seq))
    }

    /// Current rows whose text field equals `value` case-insensitively (deleted ones included).
    func find(column col: Int, value: String) -> [Int] {
        if indexes[col] == nil { buildIndex(col) }
        let key = value.lowercased()
        var out: [Int] = []
        var seen = Set<Int32>()
        for seq in indexes[col]?.seqs[key] ?? [] where seen.insert(seq).inserted {
            guard let r = row(seq: Int(seq)), case .string(let s) = self.value(row: r, column: col),
                  s.lowercased() == key else { continue }
            out.append(r)
        }
        return out
    }

    /// Builds the lookup of `column` now and keeps it current from here on.
    func indexEagerly(_ column: Int) {
        guard !eagerIndexes.contains(column) else { return }
        eagerIndexes.append(column)
        buildIndex(column)
    }

    private func buildIndex(_ col: Int) {
        indexes[col] = TextIndex()
        for seq in 1..<currentRow.count { if let r = row(seq: seq) { addToIndex(col, seq: seq, row: r) } }
    }

    /// Current rows whose text field equals `value` exactly, from an eager lookup without changing
    /// it (safe under the shared read lock); nil when the column has no eager lookup.
    func rowsMatching(column col: Int, exactly value: String) -> [Int]? {
        guard eagerIndexes.contains(col), let index = indexes[col] else { return nil }
        var out: [Int] = []
        var seen = Set<Int32>()
        for seq in index.seqs[value.lowercased()] ?? [] where seen.insert(seq).inserted {
            guard let r = row(seq: Int(seq)), case .string(let s) = self.value(row: r, column: col), s == value else { continue }
            out.append(r)
        }
        return out
    }

    /// Drops rows and record numbers appended after a saved point (a rolled-back batch).
    func truncate(rows: Int, records: Int) {
        for i in columns.indices { columns[i].truncate(rows) }
        if rowSeq.count > rows { rowSeq.removeLast(rowSeq.count - rows) }
        if currentRow.count > records + 1 { currentRow.removeLast(currentRow.count - records - 1) }
        indexes.removeAll()
        for col in eagerIndexes { buildIndex(col) }
    }

    /// All values of a row keyed by canonical field name.
    func values(row: Int) -> [String: SimValue] {
        var out: [String: SimValue] = [:]
        for (i, f) in describe.fields.enumerated() { out[f.name] = value(row: row, column: i) }
        return out
    }
}

/// Lower-cased text → record numbers of one column. A class, so that adding a record number
/// mutates the map in place (a dictionary nested in a dictionary value is copied on write by
/// unoptimised builds: quadratic seeding).
final class TextIndex {
    private(set) var seqs: [String: [Int32]] = [:]

    func add(_ key: String, seq: Int32) {
        if seqs[key]?.last != seq { seqs[key, default: []].append(seq) }
    }
}
