import ConnectorCore
import Foundation
import SalesforceSimulator
import Store

/// A record version as a comparable key: `Id@milliseconds`.
typealias VersionKey = String

func versionKey(_ id: String, _ timestamp: Date) -> VersionKey {
    "\(id)@\(Int64((timestamp.timeIntervalSince1970 * 1000).rounded()))"
}

extension SimulatorImportRig {
    /// The simulator's current records of `object` (live ones; deleted ones too with `includeDeleted`),
    /// read straight from its org under the read lock: Id → values.
    func simRecords(_ object: String, includeDeleted: Bool = false) -> [String: [String: SimValue]] {
        let ids = sim.store.read { view in view.records(of: object, includeDeleted: includeDeleted).compactMap(\.id) }
        var out: [String: [String: SimValue]] = [:]
        for id in ids { out[id] = sim.store.values(id: id)?.values }
        return out
    }

    /// The current version of every record of `object` in the simulator, as `(Id, SystemModstamp)` keys.
    func simVersions(_ object: String, includeDeleted: Bool = false) -> Set<VersionKey> {
        Set(simRecords(object, includeDeleted: includeDeleted).compactMap { id, values in
            guard case .datetime(let stamp)? = values["SystemModstamp"] else { return nil }
            return versionKey(id, stamp)
        })
    }

    /// Every record version of `stream` in `store` (default: the rig's), in arrival order.
    func stored(_ stream: String, in store: Store? = nil) throws -> [StreamRecord] {
        let store = store ?? self.store
        var out: [StreamRecord] = []
        var after: Int64 = 0
        while true {
            let page = try store.readStream(stream, after: after, limit: 5_000)
            guard let last = page.last else { return out }
            out += page.map(\.record)
            after = last.sequence
        }
    }

    /// The version keys of stored records, one per stored row (so duplicates would show).
    func keys(_ records: [StreamRecord]) -> [VersionKey] {
        records.map { versionKey($0.id, $0.timestamp) }
    }

    /// Ids of the first `count` live records of `object` in creation order.
    func firstIDs(_ object: String, _ count: Int) -> [String] {
        sim.store.read { view in view.records(of: object, includeDeleted: false).prefix(count).compactMap(\.id) }
    }

    /// Ids of the last `count` live records of `object` in creation order.
    func lastIDs(_ object: String, _ count: Int) -> [String] {
        sim.store.read { view in view.records(of: object, includeDeleted: false).suffix(count).compactMap(\.id) }
    }
}

extension SimValue {
    /// The text of a string-like value (strings, picklists, ids, dates); nil otherwise.
    var text: String? {
        switch self {
        case .string(let s), .date(let s): return s
        default: return nil
        }
    }
}
