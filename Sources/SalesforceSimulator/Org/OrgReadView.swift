import Foundation

/// Records as the SOQL engine reads them; valid only inside ``OrgStore/read(_:)`` or a write batch.
public struct OrgReadView: SOQLDataSource {
    let store: OrgStore

    public func records(of object: String, includeDeleted: Bool) -> [SimRecord] {
        guard let t = store.table(object) else { return [] }
        var out: [SimRecord] = []
        out.reserveCapacity(t.recordCount)
        for seq in 1..<t.currentRow.count {
            let row = Int(t.currentRow[seq])
            if row < 0 || (!includeDeleted && t.isDeleted(row: row)) { continue }
            out.append(SimRecord(table: t, row: row))
        }
        return out
    }

    /// Children of `ids` through the foreign key's eager lookup (one probe per parent, not a scan of
    /// every child), in record order; a full scan when the field has no lookup.
    public func records(of object: String, field: String, in ids: Set<String>, includeDeleted: Bool) -> [SimRecord] {
        guard let t = store.table(object), let col = t.fieldIndex[field.lowercased()], t.eagerIndexes.contains(col) else {
            return scanRecords(of: object, field: field, in: ids, includeDeleted: includeDeleted)
        }
        var rows: [Int] = []
        for id in ids { rows += t.rowsMatching(column: col, exactly: id) ?? [] }
        rows.sort { t.rowSeq[$0] < t.rowSeq[$1] }
        return rows.compactMap { row in
            includeDeleted || !t.isDeleted(row: row) ? SimRecord(table: t, row: row) : nil
        }
    }

    /// A live record by Id (any object: polymorphic lookups resolve by key prefix).
    public func record(of object: String, id: String) -> SimRecord? {
        guard let (t, row) = store.locate(id), !t.isDeleted(row: row) else { return nil }
        return SimRecord(table: t, row: row)
    }
}

/// A query whose pages are projected on demand, each under the read lock.
public final class OrgQuery: Sendable {
    public let cursor: SOQLCursor
    let store: OrgStore

    init(cursor: SOQLCursor, store: OrgStore) {
        self.cursor = cursor
        self.store = store
    }

    public var totalSize: Int { cursor.totalSize }
    public var object: String { cursor.object }
    public var isCount: Bool { cursor.isCount }

    public func page(_ range: Range<Int>) -> [SOQLRow] {
        store.read { view in cursor.rows(range, data: view) }
    }
}

extension OrgStore {
    /// Prepares a SOQL query against the org.
    /// - Throws: ``SOQLError`` in Salesforce's words (INVALID_FIELD, MALFORMED_QUERY, INVALID_TYPE).
    public func query(_ soql: String, includeDeleted: Bool = false) throws(SOQLError) -> OrgQuery {
        let cursor = try read { (view) throws(SOQLError) -> SOQLCursor in
            try SOQLEngine.prepare(query: soql, schema: schema, data: view, includeDeleted: includeDeleted)
        }
        return OrgQuery(cursor: cursor, store: self)
    }

    /// Runs a query and returns every row.
    public func run(_ soql: String, includeDeleted: Bool = false) throws(SOQLError) -> SOQLResult {
        let q = try query(soql, includeDeleted: includeDeleted)
        return SOQLResult(object: q.object, totalSize: q.totalSize, rows: q.isCount ? [] : q.page(0..<q.totalSize))
    }

    /// The object name and current values of a record (deleted ones included: check `IsDeleted`).
    public func values(id: String) -> (object: String, values: [String: SimValue])? {
        read { view in store(view).locate(id).map { ($0.0.describe.name, $0.0.values(row: $0.1)) } }
    }

    private func store(_ view: OrgReadView) -> OrgStore { view.store }

    /// Live records of an object; nil for an unknown object.
    public func count(_ object: String) -> Int? {
        read { _ in
            guard let t = table(object) else { return nil }
            var n = 0
            for seq in 1..<t.currentRow.count where t.currentRow[seq] >= 0 && !t.isDeleted(row: Int(t.currentRow[seq])) {
                n += 1
            }
            return n
        }
    }

    /// Records deleted with a SystemModstamp in `from...to`, oldest first.
    public func deleted(_ object: String, from: Date, to: Date) -> [(id: String, deletedDate: Date)] {
        read { _ in
            guard let t = table(object), let stamp = t.stampColumn else { return [] }
            var out: [(String, Date)] = []
            for seq in 1..<t.currentRow.count {
                let row = Int(t.currentRow[seq])
                guard row >= 0, t.isDeleted(row: row), case .datetime(let d) = t.value(row: row, column: stamp),
                      d >= from, d <= to else { continue }
                out.append((t.id(ofRow: row), d))
            }
            return out.sorted { $0.1 < $1.1 }
        }
    }
}

extension OrgStore {
    /// Ids of live records whose text field equals `value` case-insensitively (an external-id lookup).
    public func lookup(_ object: String, field: String, value: String) -> [String] {
        write { b in b.find(object, field: field, equalsIgnoringCase: value).compactMap(\.id) }
    }
}
