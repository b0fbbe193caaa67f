import Foundation

/// The writes of one ``OrgStore/write(stamp:_:)`` call: all versions share ``stamp``; rolled back if the body throws.
public struct OrgWriteBatch {
    let store: OrgStore
    /// SystemModstamp (and LastModifiedDate) of every version this batch writes; second precision.
    public let stamp: Date
    private var saved: [ObjectIdentifier: (table: ObjectTable, rows: Int, records: Int)] = [:]
    private var undo: [(table: ObjectTable, seq: Int, row: Int32)] = []

    init(store: OrgStore, stamp: Date) {
        self.store = store
        self.stamp = stamp
    }

    private mutating func remember(_ t: ObjectTable) {
        let key = ObjectIdentifier(t)
        if saved[key] == nil { saved[key] = (t, t.rowCount, t.recordCount) }
    }

    mutating func rollBack() {
        for entry in undo.reversed() where entry.seq <= saved[ObjectIdentifier(entry.table)]!.records {
            entry.table.currentRow[entry.seq] = entry.row
        }
        for (_, s) in saved { s.table.truncate(rows: s.rows, records: s.records) }
        undo.removeAll()
        saved.removeAll()
    }

    private func table(_ object: String) throws(SimulatorError) -> ObjectTable {
        guard let t = store.table(object) else { throw .unknownObject(object) }
        return t
    }

    /// Coerces named values into column changes.
    private func changes(_ t: ObjectTable, _ values: [String: SimValue]) throws(SimulatorError) -> [Int: SimValue] {
        var out: [Int: SimValue] = [:]
        for (name, raw) in values {
            guard let col = t.fieldIndex[name.lowercased()] else { throw .unknownField(t.describe.name, name) }
            let field = t.describe.fields[col]
            if field.type == .id { throw .invalidValue(t.describe.name, field.name, "the Id is assigned by the org") }
            guard var v = t.columns[col].coerce(raw) else {
                throw .invalidValue(t.describe.name, field.name, "\(raw) is not a \(field.type.rawValue) value")
            }
            if field.type == .reference, case .string(let s) = v, let p = RecordID.parse(s) {
                v = .string(RecordID.make(prefix: p.prefix, seq: p.seq))
            }
            if case .string("") = v { v = .null }
            out[col] = v
        }
        return out
    }

    private func set(_ t: ObjectTable, _ name: String, _ v: SimValue, in c: inout [Int: SimValue], always: Bool) {
        guard let col = t.fieldIndex[name.lowercased()] else { return }
        if always || c[col] == nil { c[col] = v }
    }

    /// Recomputes `Name` from FirstName/LastName on objects where it is derived.
    private func deriveName(_ t: ObjectTable, base: Int?, _ c: inout [Int: SimValue]) {
        guard let nameCol = t.fieldIndex["name"], t.describe.fields[nameCol].calculated,
              let first = t.fieldIndex["firstname"], let last = t.fieldIndex["lastname"],
              c[first] != nil || c[last] != nil else { return }
        func text(_ col: Int) -> String {
            if let v = c[col] { if case .string(let s) = v { return s } else { return "" } }
            if let base, case .string(let s) = t.value(row: base, column: col) { return s }
            return ""
        }
        let full = [text(first), text(last)].filter { !$0.isEmpty }.joined(separator: " ")
        c[nameCol] = full.isEmpty ? .null : .string(full)
    }

    /// Creates a record and returns its 18-char Id.
    /// - Throws: ``SimulatorError`` (`unknownObject`, `unknownField`, `invalidValue`).
    @discardableResult
    public mutating func insert(_ object: String, _ values: [String: SimValue]) throws(SimulatorError) -> String {
        let t = try table(object)
        var c = try changes(t, values)
        let user = SimValue.string(store.integrationUserId)
        for (i, f) in t.describe.fields.enumerated() where c[i] == nil {
            if f.type == .boolean { c[i] = .bool(false) }
            if let def = f.defaultPicklistValue { c[i] = .string(def) }
        }
        set(t, "IsDeleted", .bool(false), in: &c, always: true)
        for name in ["CreatedDate", "LastModifiedDate"] { set(t, name, .datetime(stamp), in: &c, always: false) }
        set(t, "SystemModstamp", .datetime(stamp), in: &c, always: true)
        for name in ["CreatedById", "LastModifiedById", "OwnerId"] { set(t, name, user, in: &c, always: false) }
        if let rt = t.fieldIndex["recordtypeid"], c[rt] == nil,
           let info = t.describe.recordTypeInfos.first(where: { $0.defaultRecordTypeMapping }) {
            c[rt] = .string(info.recordTypeId)
        }
        deriveName(t, base: nil, &c)
        remember(t)
        let seq = t.recordCount + 1
        _ = t.appendVersion(seq: seq, base: nil, changes: c)
        return RecordID.make(prefix: t.prefix, seq: seq)
    }

    private func current(_ object: String, _ id: String) throws(SimulatorError) -> (ObjectTable, Int, Int) {
        let t = try table(object)
        guard let p = RecordID.parse(id), p.prefix == t.prefix, let row = t.row(seq: p.seq) else {
            throw .unknownRecord(t.describe.name, id)
        }
        return (t, p.seq, row)
    }

    /// Writes a new version of a record with `values` changed. `systemOnly` leaves LastModifiedDate as it was
    /// (a system change that only moves SystemModstamp).
    /// - Throws: ``SimulatorError`` (`unknownRecord`, `unknownField`, `invalidValue`).
    public mutating func update(_ object: String, id: String, _ values: [String: SimValue],
                                systemOnly: Bool = false) throws(SimulatorError) {
        let (t, seq, row) = try current(object, id)
        var c = try changes(t, values)
        set(t, "SystemModstamp", .datetime(stamp), in: &c, always: true)
        if !systemOnly {
            set(t, "LastModifiedDate", .datetime(stamp), in: &c, always: true)
            set(t, "LastModifiedById", .string(store.integrationUserId), in: &c, always: false)
        }
        deriveName(t, base: row, &c)
        remember(t)
        undo.append((t, seq, Int32(row)))
        _ = t.appendVersion(seq: seq, base: row, changes: c)
    }

    /// Soft-deletes a record: a new version with IsDeleted = true (visible to queryAll and `/deleted`).
    public mutating func delete(_ object: String, id: String) throws(SimulatorError) {
        try update(object, id: id, ["IsDeleted": .bool(true)])
    }

    /// The current version of a record (deleted ones included).
    public func record(id: String) -> SimRecord? {
        store.locate(id).map { SimRecord(table: $0.0, row: $0.1) }
    }

    /// The current values of a record keyed by canonical field name.
    public func values(id: String) -> [String: SimValue]? { store.locate(id).map { $0.0.values(row: $0.1) } }

    /// Live (not deleted) records whose text field equals `value` case-insensitively (indexed after first use).
    public func find(_ object: String, field: String, equalsIgnoringCase value: String) -> [SimRecord] {
        guard let t = store.table(object), let col = t.fieldIndex[field.lowercased()] else { return [] }
        return t.find(column: col, value: value).filter { !t.isDeleted(row: $0) }.map { SimRecord(table: t, row: $0) }
    }

    /// Live records of an object in creation order.
    public func records(of object: String) -> [SimRecord] {
        OrgReadView(store: store).records(of: object, includeDeleted: false)
    }
}
