import Foundation
import ImportEngine
import SalesforceSimulator
import Synchronization

/// An in-memory org for engine tests: records per object, evaluated by the simulator's SOQL
/// engine, so the engine's real SOQL text is what selects rows.
final class FakeOrg: Sendable {
    struct State {
        var schemas: [String: SOQLObjectSchema] = [:]
        var describes: [String: ObjectSchema] = [:]
        var records: [String: [[String: SimValue]]] = [:]
        var counter = 0
    }
    let state = Mutex(State())

    func define(_ schema: SOQLObjectSchema, describe: ObjectSchema) {
        state.withLock {
            $0.schemas[schema.name.lowercased()] = schema
            $0.describes[schema.name.lowercased()] = describe
        }
    }

    /// Inserts a row with a fresh Id of `prefix` and the given SystemModstamp.
    @discardableResult
    func insert(_ object: String, prefix: String, at modstamp: Date, _ values: [String: SimValue]) -> String {
        state.withLock { s in
            s.counter += 1
            let id = prefix + String(format: "%012d", s.counter) + "AAA"
            var row = values
            row["Id"] = .string(id)
            row["IsDeleted"] = .bool(false)
            row["SystemModstamp"] = .datetime(modstamp)
            s.records[object.lowercased(), default: []].append(row)
            return id
        }
    }

    /// A new version of a row: changes values and moves SystemModstamp.
    func update(_ object: String, id: String, at modstamp: Date, _ values: [String: SimValue]) {
        state.withLock { s in
            guard let i = s.records[object.lowercased()]?.firstIndex(where: { $0["Id"] == .string(id) }) else { return }
            for (k, v) in values { s.records[object.lowercased()]![i][k] = v }
            s.records[object.lowercased()]![i]["SystemModstamp"] = .datetime(modstamp)
        }
    }

    /// Soft-deletes a row (SystemModstamp moves to `modstamp`).
    func delete(_ object: String, id: String, at modstamp: Date) {
        update(object, id: id, at: modstamp, ["IsDeleted": .bool(true)])
    }

    func rows(_ object: String, includeDeleted: Bool = false) -> [SimRecord] {
        state.withLock { s in
            (s.records[object.lowercased()] ?? []).map { SimRecord($0) }
                .filter { includeDeleted || $0["IsDeleted"] != .bool(true) }
        }
    }

    func describe(_ object: String) -> ObjectSchema? { state.withLock { $0.describes[object.lowercased()] } }

    func execute(_ soql: String, includeDeleted: Bool) throws -> SOQLResult {
        let snapshot = state.withLock { $0 }
        return try SOQLEngine.execute(query: soql, schema: Snapshot(state: snapshot), data: Snapshot(state: snapshot),
                                      includeDeleted: includeDeleted)
    }

    struct Snapshot: SOQLSchema, SOQLDataSource {
        let state: State
        func canonicalObjectName(_ name: String) -> String? { state.schemas[name.lowercased()]?.name }
        func fields(of object: String) -> [String: SOQLFieldType]? { state.schemas[object.lowercased()]?.fields }
        func parentRelationship(of object: String, named name: String) -> SOQLRelationship? {
            state.schemas[object.lowercased()]?.parents.first { $0.name.lowercased() == name.lowercased() }
        }
        func childRelationship(of object: String, named name: String) -> SOQLRelationship? {
            state.schemas[object.lowercased()]?.children.first { $0.name.lowercased() == name.lowercased() }
        }
        func records(of object: String, includeDeleted: Bool) -> [SimRecord] {
            (state.records[object.lowercased()] ?? []).map { SimRecord($0) }
                .filter { includeDeleted || $0["IsDeleted"] != .bool(true) }
        }
        func record(of object: String, id: String) -> SimRecord? {
            for rows in state.records.values { if let r = rows.first(where: { $0["Id"] == .string(id) }) { return SimRecord(r) } }
            return nil
        }
    }
}
