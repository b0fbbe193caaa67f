import Foundation

/// A field value held by the simulator.
public enum SimValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// `yyyy-MM-dd`
    case date(String)
    /// Second precision by convention.
    case datetime(Date)

    public var isNull: Bool { if case .null = self { return true } else { return false } }
}

/// A record with case-insensitive field lookup: either a dictionary of values (tests, small fixtures) or a
/// row of an org table (valid while the store's lock is held; rows never change once written).
public struct SimRecord: Sendable {
    enum Backing: Sendable {
        case values([String: SimValue])
        case row(ObjectTable, Int)
    }
    let backing: Backing

    public init(_ values: [String: SimValue] = [:]) {
        var s: [String: SimValue] = [:]
        s.reserveCapacity(values.count)
        for (k, v) in values { s[k.lowercased()] = v }
        backing = .values(s)
    }

    init(table: ObjectTable, row: Int) { backing = .row(table, row) }

    public subscript(field: String) -> SimValue { value(lowerKey: field.lowercased()) }

    /// Lookup with an already lower-cased key.
    @inline(__always) func value(lowerKey: String) -> SimValue {
        switch backing {
        case .values(let s): return s[lowerKey] ?? .null
        case .row(let table, let row): return table.value(row: row, lowerKey: lowerKey)
        }
    }

    public var id: String? {
        switch backing {
        case .values: if case .string(let s) = self["Id"] { return s } else { return nil }
        case .row(let table, let row): return table.id(ofRow: row)
        }
    }
}

public enum SOQLFieldType: Sendable, Hashable {
    case id, string, boolean, integer, double, date, datetime, reference
}

/// A lookup (child→parent) or a child relationship (parent→child).
/// For a parent relationship, `object` is the parent object and `foreignKey` the lookup field on the
/// querying object. For a child relationship, `object` is the child object and `foreignKey` the lookup
/// field on the child that points at the parent.
public struct SOQLRelationship: Sendable, Hashable {
    public var name: String
    public var object: String
    public var foreignKey: String
    public init(name: String, object: String, foreignKey: String) {
        self.name = name; self.object = object; self.foreignKey = foreignKey
    }
}

public protocol SOQLSchema {
    /// Canonical spelling of an object name (case-insensitive), or nil when unknown.
    func canonicalObjectName(_ name: String) -> String?
    /// Fields of a (canonical) object, keyed by canonical field name; nil = unknown object.
    func fields(of object: String) -> [String: SOQLFieldType]?
    /// Parent relationship by case-insensitive name, e.g. `Account` on Contact.
    func parentRelationship(of object: String, named name: String) -> SOQLRelationship?
    /// Child relationship by case-insensitive name, e.g. `Contacts` on Account.
    func childRelationship(of object: String, named name: String) -> SOQLRelationship?
}

public protocol SOQLDataSource {
    /// All records of an object; deleted rows (`IsDeleted = true`) may be included only when asked.
    func records(of object: String, includeDeleted: Bool) -> [SimRecord]
    func record(of object: String, id: String) -> SimRecord?
    /// Records of `object` whose `field` (a foreign key) is one of `ids`, exactly.
    func records(of object: String, field: String, in ids: Set<String>, includeDeleted: Bool) -> [SimRecord]
}

extension SOQLDataSource {
    /// A full scan; sources with an index on the field answer faster.
    public func records(of object: String, field: String, in ids: Set<String>, includeDeleted: Bool) -> [SimRecord] {
        scanRecords(of: object, field: field, in: ids, includeDeleted: includeDeleted)
    }

    /// Every record of `object` whose `field` is one of `ids`, by scanning them all.
    public func scanRecords(of object: String, field: String, in ids: Set<String>, includeDeleted: Bool) -> [SimRecord] {
        let key = field.lowercased()
        return records(of: object, includeDeleted: includeDeleted).filter { r in
            if case .string(let id) = r.value(lowerKey: key) { return ids.contains(id) }
            return false
        }
    }
}

/// A simple in-memory schema description.
public struct SOQLObjectSchema: Sendable {
    public var name: String
    public var fields: [String: SOQLFieldType]
    public var parents: [SOQLRelationship]
    public var children: [SOQLRelationship]
    public init(name: String, fields: [String: SOQLFieldType],
                parents: [SOQLRelationship] = [], children: [SOQLRelationship] = []) {
        self.name = name; self.fields = fields; self.parents = parents; self.children = children
    }
}

public struct SOQLStaticSchema: SOQLSchema, Sendable {
    private var objects: [String: SOQLObjectSchema] = [:]

    public init(objects: [SOQLObjectSchema]) {
        for o in objects { self.objects[o.name.lowercased()] = o }
    }

    public func canonicalObjectName(_ name: String) -> String? { objects[name.lowercased()]?.name }
    public func fields(of object: String) -> [String: SOQLFieldType]? { objects[object.lowercased()]?.fields }
    public func parentRelationship(of object: String, named name: String) -> SOQLRelationship? {
        let n = name.lowercased()
        return objects[object.lowercased()]?.parents.first { $0.name.lowercased() == n }
    }
    public func childRelationship(of object: String, named name: String) -> SOQLRelationship? {
        let n = name.lowercased()
        return objects[object.lowercased()]?.children.first { $0.name.lowercased() == n }
    }
}

enum SOQLDates {
    /// Inverse of `SOQLDates.daysFromCivil`.
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Days since 1970-01-01 for a civil date (proleptic Gregorian).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Parses `yyyy-MM-ddTHH:mm:ss[.fff](Z|±HH:mm)`; nil when malformed.
    static func parseDateTime(_ s: String) -> Date? {
        let c = Array(s.utf8)
        func num(_ a: Int, _ n: Int) -> Int? {
            guard a + n <= c.count else { return nil }
            var v = 0
            for i in a..<(a + n) { guard c[i] >= 48, c[i] <= 57 else { return nil }; v = v * 10 + Int(c[i] - 48) }
            return v
        }
        guard c.count >= 20, let y = num(0, 4), c[4] == 45, let mo = num(5, 2), c[7] == 45, let d = num(8, 2),
              c[10] == 84, let h = num(11, 2), c[13] == 58, let mi = num(14, 2), c[16] == 58, let se = num(17, 2),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, se < 60 else { return nil }
        var i = 19
        var frac = 0.0
        if c[i] == 46 {
            var scale = 0.1
            i += 1
            let start = i
            while i < c.count, c[i] >= 48, c[i] <= 57 { frac += Double(c[i] - 48) * scale; scale /= 10; i += 1 }
            guard i > start else { return nil }
        }
        guard i < c.count else { return nil }
        var offset = 0
        if c[i] == 90 { i += 1 } else if c[i] == 43 || c[i] == 45 {
            guard let oh = num(i + 1, 2), i + 3 < c.count, c[i + 3] == 58, let om = num(i + 4, 2) else { return nil }
            offset = (oh * 60 + om) * 60 * (c[i] == 43 ? 1 : -1)
            i += 6
        } else { return nil }
        guard i == c.count else { return nil }
        let secs = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - offset
        return Date(timeIntervalSince1970: Double(secs) + frac)
    }

    static func isDate(_ s: String) -> Bool {
        let c = Array(s.utf8)
        guard c.count == 10, c[4] == 45, c[7] == 45 else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { c[$0] >= 48 && c[$0] <= 57 }
    }
}
