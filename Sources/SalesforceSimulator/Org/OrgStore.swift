import Foundation

/// The org's records: every object's record versions, thread-safe, compact (column storage; 1M leads fit in a
/// few hundred MB).
///
/// ## Writing (for the write routes, Bulk ingest and admin endpoints)
/// All writes happen inside ``write(stamp:_:)``, which holds the write lock and hands the body an
/// ``OrgWriteBatch``. Every record version written by one batch gets the same `SystemModstamp` and
/// `LastModifiedDate`: the batch's ``OrgWriteBatch/stamp`` (the clock truncated to the second, or the
/// `stamp` you pass, e.g. an older one for a "late commit"). If the body throws, everything it wrote is
/// rolled back (allOrNone for free).
/// ```swift
/// let id = try store.write { batch in
///     let id = try batch.insert("Lead", ["LastName": .string("Smith"), "Company": .string("Acme")])
///     try batch.update("Lead", id: id, ["Email": .string("s@acme.example")])
///     let dupes = batch.find("Lead", field: "Email", equalsIgnoringCase: "S@ACME.example")  // [SimRecord]
///     try batch.delete("Lead", id: id)          // soft delete: IsDeleted = true, seen by queryAll only
///     return id
/// }
/// ```
/// `insert` fills Id (18 chars, the object's key prefix), IsDeleted, CreatedDate, CreatedById,
/// LastModifiedDate, LastModifiedById, SystemModstamp, OwnerId (the integration user), booleans (false),
/// picklist defaults and the derived `Name` of Lead/Contact/User. Values are coerced to the field type
/// (`.string` ISO dates/datetimes are accepted, `""` is stored as null); unknown fields or values that do
/// not fit throw ``SimulatorError``. Validation in Salesforce's words (required fields, lengths, picklists,
/// duplicates) is the caller's job: the store only stores. `batch.record(id:)` and `batch.values(of:)` read
/// the current version inside a batch.
///
/// ## Reading
/// - ``query(_:includeDeleted:)`` runs SOQL and returns an ``OrgQuery`` whose pages are projected on demand
///   (``OrgQuery/page(_:)``); ``run(_:includeDeleted:)`` returns the whole ``SOQLResult``.
/// - ``values(id:)`` returns a record's current values (deleted ones too; check `IsDeleted`).
/// - ``count(_:)``, ``deleted(_:from:to:)`` for `/limits/recordCount` and `/deleted`.
public final class OrgStore: @unchecked Sendable {
    public let schema: OrgSchema
    /// The Id of the integration user: owner and creator of records written without one.
    public let integrationUserId: String
    let clock: @Sendable () -> Date
    let lock = RWLock()
    /// Open query cursors of the REST query route.
    let cursors = QueryCursors()
    let tables: [ObjectTable]
    private let byName: [String: ObjectTable]
    private let byPrefix: [String: ObjectTable]

    /// An empty org (plus the integration user and the schema's record types).
    public init(schema: OrgSchema = OrgSchema(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.schema = schema
        self.clock = clock
        tables = schema.objects.map { ObjectTable($0) }
        var names: [String: ObjectTable] = [:]
        var prefixes: [String: ObjectTable] = [:]
        for t in tables {
            names[t.describe.name.lowercased()] = t
            prefixes[t.prefix] = t
        }
        byName = names
        byPrefix = prefixes
        for t in tables {
            for rel in t.describe.childRelationships {
                guard let child = names[rel.childSObject.lowercased()], let col = child.fieldIndex[rel.field.lowercased()] else { continue }
                child.indexEagerly(col)
            }
        }
        integrationUserId = RecordID.make(prefix: "005", seq: 1)
        bootstrap()
    }

    private func bootstrap() {
        let user = integrationUserId
        _ = try? write { (b: inout OrgWriteBatch) throws(SimulatorError) in
            _ = try b.insert("User", ["Username": .string("integration@sim.example"), "FirstName": .string("Integration"),
                                      "LastName": .string("User"), "Alias": .string("integ"),
                                      "Email": .string("integration@sim.example"), "IsActive": .bool(true)])
            for info in schema.object("Lead")?.recordTypeInfos ?? [] where !info.master {
                _ = try b.insert("RecordType", ["Name": .string(info.name), "DeveloperName": .string(info.developerName),
                                                "SobjectType": .string("Lead"), "IsActive": .bool(true)])
            }
        }
        precondition(table(forId: user) != nil)
    }

    func table(_ object: String) -> ObjectTable? { byName[object.lowercased()] }

    func table(forId id: String) -> ObjectTable? {
        guard let parsed = RecordID.parse(id) else { return nil }
        return byPrefix[parsed.prefix]
    }

    /// Current row of a record by Id (deleted ones included).
    func locate(_ id: String) -> (ObjectTable, Int)? {
        guard let parsed = RecordID.parse(id), let t = byPrefix[parsed.prefix], let r = t.row(seq: parsed.seq) else {
            return nil
        }
        return (t, r)
    }

    /// Runs `body` with the write lock held; see the type's documentation.
    public func write<T, E: Error>(stamp: Date? = nil, _ body: (inout OrgWriteBatch) throws(E) -> T) throws(E) -> T {
        let when = stamp ?? clock()
        let seconds = (when.timeIntervalSince1970).rounded(.down)
        return try lock.write { () throws(E) -> T in
            var batch = OrgWriteBatch(store: self, stamp: Date(timeIntervalSince1970: seconds))
            do throws(E) {
                return try body(&batch)
            } catch {
                batch.rollBack()
                throw error
            }
        }
    }

    /// Runs `body` with the read lock held; the view's records are valid only inside.
    public func read<T, E: Error>(_ body: (OrgReadView) throws(E) -> T) throws(E) -> T {
        try lock.read { () throws(E) -> T in try body(OrgReadView(store: self)) }
    }
}
