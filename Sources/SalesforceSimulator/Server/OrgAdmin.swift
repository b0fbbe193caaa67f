import Foundation

/// `/__admin/org/…`: test controls over the org's records (no validation, no API-call counting).
///
/// - `POST /__admin/org/create` `{"object":"Lead","records":[{…}]}` → `{"ids":[…]}` (one batch, one stamp).
/// - `POST /__admin/org/update` `{"object":"Lead","count":10}` or `"ids":[…]`, optional `"values":{…}`,
///   `"systemOnly":true` (only SystemModstamp moves), `"secondsAgo":N` or `"stamp":"ISO"` → new versions of
///   the first `count` live records (creation order), all sharing one SystemModstamp; answers `{"ids","systemModstamp"}`.
/// - `POST /__admin/org/mass-update`: the same, meant for thousands of records with one stamp.
/// - `POST /__admin/org/late-commit`: the same with `secondsAgo` defaulting to 300: a new version whose
///   SystemModstamp is older than versions already served.
/// - `POST /__admin/org/delete` `{"object":"Lead","ids":[…]}` or `"count":N` → soft deletes.
/// - `GET /__admin/org/counts` → live records per object.
struct OrgAdmin {
    let store: OrgStore
    let now: Date

    func handle(_ request: SimulatorRequest) -> SimulatorResponse {
        let action = String(request.path.dropFirst("/__admin/org/".count))
        if request.method == "GET", action == "counts" {
            var out: [String: Int] = [:]
            for o in store.schema.objects { out[o.name] = store.count(o.name) ?? 0 }
            return .json(200, out)
        }
        guard request.method == "POST" else { return .restError(404, "NOT_FOUND", "The requested resource does not exist") }
        guard case .object(let body)? = try? JSONDecoder().decode(SchemaJSON.self, from: request.body) else {
            return .restError(400, "JSON_PARSER_ERROR", "The body must be a JSON object.")
        }
        guard case .string(let objectName)? = body["object"], let object = store.schema.object(objectName) else {
            return .restError(400, "INVALID_TYPE", "\"object\" must name an object of the org.")
        }
        do {
            switch action {
            case "create": return try create(object.name, body)
            case "update", "mass-update": return try update(object.name, body, lateDefault: nil)
            case "late-commit": return try update(object.name, body, lateDefault: 300)
            case "delete": return try delete(object.name, body)
            default: return .restError(404, "NOT_FOUND", "The requested resource does not exist")
            }
        } catch {
            return .restError(400, "INVALID_REQUEST", error.message)
        }
    }

    static func value(_ j: SchemaJSON) -> SimValue {
        switch j {
        case .null, .array, .object: return .null
        case .bool(let b): return .bool(b)
        case .string(let s): return .string(s)
        case .number(let n): return n == n.rounded() && abs(n) < 9e15 ? .int(Int(n)) : .double(n)
        }
    }

    static func values(_ j: SchemaJSON?) -> [String: SimValue] {
        guard case .object(let d)? = j else { return [:] }
        return d.mapValues(value)
    }

    private func create(_ object: String, _ body: [String: SchemaJSON]) throws(SimulatorError) -> SimulatorResponse {
        guard case .array(let list)? = body["records"] else {
            throw SimulatorError(kind: .invalidValue, message: "\"records\" must be an array of objects.")
        }
        let ids = try store.write { (b: inout OrgWriteBatch) throws(SimulatorError) -> [String] in
            try list.map { r throws(SimulatorError) in try b.insert(object, Self.values(r)) }
        }
        return .json(200, ["ids": ids])
    }

    /// Ids from `"ids"`, or the first `"count"` live records in creation order.
    private func targets(_ object: String, _ body: [String: SchemaJSON]) -> [String] {
        if case .array(let list)? = body["ids"] {
            return list.compactMap { if case .string(let s) = $0 { s } else { nil } }
        }
        var n = 1
        if case .number(let c)? = body["count"] { n = max(0, Int(c)) }
        return store.read { view in view.records(of: object, includeDeleted: false).prefix(n).compactMap(\.id) }
    }

    private func update(_ object: String, _ body: [String: SchemaJSON], lateDefault: Double?)
        throws(SimulatorError) -> SimulatorResponse {
        var stamp: Date?
        if case .string(let s)? = body["stamp"] {
            guard let d = SOQLDates.parseDateTime(s) else {
                throw SimulatorError(kind: .invalidValue, message: "\"stamp\" must be an ISO datetime such as 2024-01-31T17:05:09Z.")
            }
            stamp = d
        } else if case .number(let ago)? = body["secondsAgo"] {
            stamp = now.addingTimeInterval(-ago)
        } else if let lateDefault {
            stamp = now.addingTimeInterval(-lateDefault)
        }
        var systemOnly = false
        if case .bool(let b)? = body["systemOnly"] { systemOnly = b }
        let ids = targets(object, body)
        let changes = Self.values(body["values"])
        let written = try store.write(stamp: stamp ?? now) { (b: inout OrgWriteBatch) throws(SimulatorError) -> Date in
            for id in ids { try b.update(object, id: id, changes, systemOnly: systemOnly) }
            return b.stamp
        }
        return .json(200, ["ids": ids, "systemModstamp": OrgDates.restDateTime(written)] as [String: Any])
    }

    private func delete(_ object: String, _ body: [String: SchemaJSON]) throws(SimulatorError) -> SimulatorResponse {
        let ids = targets(object, body)
        try store.write(stamp: now) { (b: inout OrgWriteBatch) throws(SimulatorError) in
            for id in ids { try b.delete(object, id: id) }
        }
        return .json(200, ["ids": ids])
    }
}
