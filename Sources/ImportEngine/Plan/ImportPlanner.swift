import ConnectorCore

/// Builds an ``ImportPlan`` from mapping rows, the job's fields and the org's describe.
public struct ImportPlanner: Sendable {
    /// Rows of the default mapping: a field the org lacks is skipped with one warning.
    public var defaultRows: [FieldMapping]
    /// Rows the user wrote (their own mapping files): a field the org lacks is an error.
    public var userRows: [FieldMapping]
    /// Extra Salesforce fields to import (`additional_fields`, or a custom object's `fields`):
    /// a field the org lacks is an error. Unmapped ones land under their API name.
    public var additionalFields: [String]
    public var timestampField: String

    public init(defaultRows: [FieldMapping] = [], userRows: [FieldMapping] = [], additionalFields: [String] = [],
                timestampField: String = "SystemModstamp") {
        self.defaultRows = defaultRows
        self.userRows = userRows
        self.additionalFields = additionalFields
        self.timestampField = timestampField
    }

    /// - Parameter parents: describes of the objects explicit parent paths point to, by
    ///   lower-cased name (see ``parentObjects(of:known:)``); a path through them is checked to its leaf.
    /// - Throws: ``ImportError`` `.unknownField` naming every explicit field the org lacks and
    ///   the object; `.badTimestampField` when the timestamp field is missing or not a datetime.
    public func plan(stream: String, schema: ObjectSchema,
                     parents: [String: ObjectSchema] = [:]) throws(ImportError) -> ImportPlan {
        guard let ts = schema.field(timestampField), ts.isDatetime else {
            throw ImportError(.badTimestampField, object: schema.name, field: timestampField,
                              "\(schema.name) has no datetime field '\(timestampField)' to use as timestamp_field; name a datetime field (SystemModstamp, LastModifiedDate, CreatedDate or a custom datetime).")
        }
        var builder = PlanBuilder(schema: schema, parents: ParentPaths(root: schema, parents: parents))
        builder.addSelect(schema.field("Id")?.name ?? "Id")
        builder.addSelect(ts.name)
        var missing: [String] = [], reasons: [String] = []
        for row in defaultRows { if !builder.add(row) { builder.skipped.append(row.salesforceField ?? row.source) } }
        for row in userRows where !builder.add(row) {
            missing.append(row.salesforceField ?? row.source)
            if let why = builder.lastMissingReason { reasons.append(why) }
        }
        for name in additionalFields {
            let parts = name.split(separator: ".").map(String.init)
            let path: [String], type: String
            if parts.count > 1 {
                switch builder.parents.resolve(parts) {
                case .missing(let why):
                    missing.append(name)
                    reasons.append(why)
                    continue
                case .resolved(let p, let leaf): (path, type) = (p, leaf ?? "string")
                }
            } else {
                guard let field = schema.field(name) else { missing.append(name); continue }
                (path, type) = ([field.name], field.type)
            }
            if builder.columns.contains(where: { $0.path == .field(path) }) { continue }
            let select = path.joined(separator: ".")
            builder.addSelect(select)
            builder.columns.append(PlannedColumn(source: select, userField: nil, kind: .forDescribeType(type), path: .field(path)))
        }
        if !missing.isEmpty {
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            let why = reasons.isEmpty ? "" : " (" + orderedUnique(reasons).joined(separator: "; ") + ")"
            throw ImportError(.unknownField, object: schema.name, field: missing.joined(separator: ","),
                              "\(schema.name) has no field \(names) in this org\(why); check the API name in Setup > Object Manager > \(schema.name) > Fields & Relationships, or remove it from the job.")
        }
        let skipped = Array(orderedUnique(builder.skipped))
        return ImportPlan(object: schema.name, stream: stream, timestampField: ts.name,
                          selectFields: builder.selects, children: builder.children, columns: builder.columns,
                          mappingRows: builder.rows, skippedDefaults: skipped, bulkIncompatible: builder.bulkIncompatible)
    }
}

/// Order-keeping de-duplication.
func orderedUnique(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
}

/// Accumulates the select list and columns while a plan is built.
struct PlanBuilder {
    let schema: ObjectSchema
    let parents: ParentPaths
    var selects: [String] = []
    var selected = Set<String>()
    var children: [ImportPlan.ChildSelect] = []
    var columns: [PlannedColumn] = []
    var rows: [FieldMapping] = []
    var skipped: [String] = []
    var bulkIncompatible: [String] = []
    /// Why the last row ``add(_:)`` refused has no field (for a parent path), if known.
    var lastMissingReason: String?

    init(schema: ObjectSchema, parents: ParentPaths) {
        self.schema = schema
        self.parents = parents
    }

    mutating func addSelect(_ name: String) {
        guard selected.insert(name.lowercased()).inserted else { return }
        selects.append(name)
        if let f = schema.field(name), f.isBulkIncompatible { bulkIncompatible.append(name) }
    }

    /// Resolves one mapping row; false when the org lacks its field.
    mutating func add(_ row: FieldMapping) -> Bool {
        lastMissingReason = nil
        let kind = ValueKind.typed(row.type)
        guard let sf = row.salesforceField else {
            columns.append(PlannedColumn(source: row.source, userField: row.userField, kind: kind,
                                         isUniqueID: row.isUniqueID, derivation: row.derivation, path: .none))
            rows.append(row)
            return true
        }
        let parts = sf.split(separator: ".").map(String.init)
        let path: ColumnPath
        if parts.count == 1 {
            guard let f = schema.field(parts[0]) else { return false }
            addSelect(f.name)
            path = .field([f.name])
        } else if parts.count == 2, let rel = schema.childRelationship(parts[0]) {
            addChild(relationship: rel, field: parts[1])
            path = .child(relationship: rel, field: parts[1])
        } else {
            switch parents.resolve(parts) {
            case .missing(let why):
                lastMissingReason = why
                return false
            case .resolved(let canonical, _):
                addSelect(canonical.joined(separator: "."))
                path = .field(canonical)
            }
        }
        columns.append(PlannedColumn(source: row.source, userField: row.userField, kind: kind,
                                     isUniqueID: row.isUniqueID, derivation: row.derivation, path: path))
        rows.append(row)
        return true
    }

    mutating func addChild(relationship: String, field: String) {
        if let i = children.firstIndex(where: { $0.relationship == relationship }) {
            if !children[i].fields.contains(field) { children[i].fields.append(field) }
        } else {
            children.append(ImportPlan.ChildSelect(relationship: relationship, fields: [field]))
            bulkIncompatible.append("(SELECT … FROM \(relationship))")
        }
    }
}
