/// What to output for a select list, built once per query.
final class Projection {
    enum Entry {
        case field(key: String, name: String)
        case parent(SOQLRelationship, Projection)
        case children(ChildPlan)
    }
    var entries: [Entry] = []

    func add(_ path: FieldPath, on object: String, _ resolver: SOQLResolver) throws(SOQLError) {
        let (rels, _) = try resolver.relationships(path.parts.dropLast(), from: object)
        let f = try resolver.field(path, on: object)
        var node = self
        for rel in rels {
            let existing = node.entries.lazy.compactMap { e -> Projection? in
                if case .parent(let r, let sub) = e, r.name.lowercased() == rel.name.lowercased() { return sub }
                return nil
            }.first
            if let existing { node = existing; continue }
            let sub = Projection()
            node.entries.append(.parent(rel, sub))
            node = sub
        }
        let duplicate = node.entries.contains { if case .field(let k, _) = $0 { return k == f.key } else { return false } }
        if !duplicate { node.entries.append(.field(key: f.key, name: f.name)) }
    }
}

/// A compiled (sub)query: object, filter, order, window and projection.
final class ChildPlan {
    let name: String
    let object: String
    let foreignKey: String
    let predicate: Predicate?
    let sortKeys: [SortKey]
    let limit: Int?
    let offset: Int?
    let projection: Projection
    /// Matching child records grouped by parent Id; filled after the parent rows are known.
    var groups: [String: [SimRecord]] = [:]

    init(name: String, object: String, foreignKey: String, query q: SelectQuery,
         resolver: SOQLResolver) throws(SOQLError) {
        self.name = name
        self.object = object
        self.foreignKey = foreignKey.lowercased()
        predicate = try q.condition.map { c throws(SOQLError) in try resolver.predicate(c, on: object) }
        var keys: [SortKey] = []
        for o in q.orderBy {
            keys.append(SortKey(field: try resolver.field(o.path, on: object), ascending: o.ascending,
                                nullsFirst: o.nullsFirst))
        }
        sortKeys = keys
        limit = q.limit
        offset = q.offset
        projection = Projection()
        for item in q.items {
            switch item {
            case .count: break
            case .field(let path): try projection.add(path, on: object, resolver)
            case .subquery(let sub):
                guard let rel = resolver.schema.childRelationship(of: object, named: sub.object) else {
                    throw .badChildRelationship(sub.object)
                }
                let childObject = try resolver.object(rel.object)
                let plan = try ChildPlan(name: rel.name, object: childObject, foreignKey: rel.foreignKey,
                                         query: sub, resolver: resolver)
                projection.entries.append(.children(plan))
            }
        }
    }

    func window(_ rows: [SimRecord]) -> ArraySlice<SimRecord> {
        let start = min(offset ?? 0, rows.count)
        let end = limit.map { min(rows.count, start + $0) } ?? rows.count
        return rows[start..<end]
    }
}

/// Executes SOQL against a schema and a data source.
public enum SOQLEngine {
    public static func execute(query: String, schema: any SOQLSchema, data: any SOQLDataSource,
                               includeDeleted: Bool = false) throws(SOQLError) -> SOQLResult {
        let cursor = try prepare(query: query, schema: schema, data: data, includeDeleted: includeDeleted)
        if cursor.isCount { return SOQLResult(object: cursor.object, totalSize: cursor.totalSize, rows: []) }
        let rows = cursor.rows(0..<cursor.totalSize, data: data)
        return SOQLResult(object: cursor.object, totalSize: rows.count, rows: rows)
    }

    /// Parses, resolves, filters, sorts and windows a query; rows are projected later, page by page,
    /// with ``SOQLCursor/rows(_:data:)``.
    public static func prepare(query: String, schema: any SOQLSchema, data: any SOQLDataSource,
                               includeDeleted: Bool = false) throws(SOQLError) -> SOQLCursor {
        let ast = try SOQLParser.parse(query)
        let resolver = SOQLResolver(schema: schema)
        let object = try resolver.object(ast.object)
        let plan = try ChildPlan(name: object, object: object, foreignKey: "", query: ast, resolver: resolver)
        let evaluator = SOQLEvaluator(data: data)
        let matched = filter(data.records(of: object, includeDeleted: includeDeleted), plan, evaluator,
                             includeDeleted: includeDeleted) { _ in true }
        if ast.isCount {
            let start = min(plan.offset ?? 0, matched.count)
            let n = min(matched.count - start, plan.limit ?? Int.max)
            return SOQLCursor(object: object, plan: plan, rows: [], totalSize: n, isCount: true,
                              includeDeleted: includeDeleted)
        }
        let rows = Array(plan.window(evaluator.sort(matched, by: plan.sortKeys)))
        return SOQLCursor(object: object, plan: plan, rows: rows, totalSize: rows.count, isCount: false,
                          includeDeleted: includeDeleted)
    }

    /// Projects a slice of matched records (children and parents resolved against `data`).
    static func project(_ records: ArraySlice<SimRecord>, plan: ChildPlan, object: String, data: any SOQLDataSource,
                        includeDeleted: Bool) -> [SOQLRow] {
        let evaluator = SOQLEvaluator(data: data)
        fillChildren(plan.projection, parents: records, evaluator, includeDeleted: includeDeleted)
        return records.map { project($0, object: object, plan.projection, evaluator) }
    }

    private static func filter(_ records: [SimRecord], _ plan: ChildPlan, _ ev: SOQLEvaluator,
                               includeDeleted: Bool, _ extra: (SimRecord) -> Bool) -> [SimRecord] {
        records.filter { r in
            if !includeDeleted, case .bool(true) = r.value(lowerKey: "isdeleted") { return false }
            guard extra(r) else { return false }
            if let p = plan.predicate { return ev.matches(p, r) }
            return true
        }
    }

    private static func fillChildren(_ projection: Projection, parents: ArraySlice<SimRecord>,
                                     _ ev: SOQLEvaluator, includeDeleted: Bool) {
        let ids = Set(parents.compactMap(\.id))
        for case .children(let child) in projection.entries {
            let fk = child.foreignKey
            let candidates = ev.data.records(of: child.object, field: fk, in: ids, includeDeleted: includeDeleted)
            let kids = filter(candidates, child, ev, includeDeleted: includeDeleted) { _ in true }
            var groups: [String: [SimRecord]] = [:]
            for k in kids {
                if case .string(let id) = k.value(lowerKey: fk) { groups[id, default: []].append(k) }
            }
            child.groups = groups
        }
    }

    private static func project(_ r: SimRecord, object: String, _ p: Projection, _ ev: SOQLEvaluator) -> SOQLRow {
        var fields: [SOQLField] = []
        fields.reserveCapacity(p.entries.count)
        for entry in p.entries {
            switch entry {
            case .field(let key, let name):
                fields.append(SOQLField(key: name, value: .value(r.value(lowerKey: key))))
            case .parent(let rel, let sub):
                var out = SOQLOutput.null
                if case .string(let id) = r.value(lowerKey: rel.foreignKey.lowercased()),
                   let parent = ev.data.record(of: rel.object, id: id) {
                    out = .record(project(parent, object: rel.object, sub, ev))
                }
                fields.append(SOQLField(key: rel.name, value: out))
            case .children(let child):
                let kids = child.window(ev.sort(r.id.flatMap { child.groups[$0] } ?? [], by: child.sortKeys))
                var out = SOQLOutput.null
                if !kids.isEmpty {
                    let rows = kids.map { project($0, object: child.object, child.projection, ev) }
                    out = .subquery(SOQLResult(object: child.object, totalSize: rows.count, rows: rows))
                }
                fields.append(SOQLField(key: child.name, value: out))
            }
        }
        return SOQLRow(object: object, id: r.id, fields: fields)
    }
}
