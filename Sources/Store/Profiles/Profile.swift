import ConnectorCore
import Foundation

/// A resolved profile: its fields (by user-field name), the unique ids that identify it, the
/// source records that feed it, and its audiences.
public struct Profile: Sendable, Hashable {
    public struct Identity: Sendable, Hashable {
        public var kind: String
        public var value: String
    }

    public var id: Int64
    public var fields: [String: JSONValue]
    public var identities: [Identity]
    /// `stream/record-id` of each live source record.
    public var sources: [String]
    public var audiences: [String]
    /// Profiles merged into this one, for good.
    public var mergedFrom: [Int64]
    public var createdAt: Date
    public var updatedAt: Date

    /// One JSON object (`id`, `fields`, `identities`, `sources`, `audiences`, `merged_from`), keys sorted.
    public var json: String {
        let ids: [JSONValue] = identities.map { .object(["kind": .string($0.kind), "value": .string($0.value)]) }
        let o: [String: JSONValue] = [
            "id": .number(Double(id)), "fields": .object(fields), "identities": .array(ids),
            "sources": .array(sources.map(JSONValue.string)), "audiences": .array(audiences.map(JSONValue.string)),
            "merged_from": .array(mergedFrom.map { .number(Double($0)) }),
            "created_at": .string(ISOTime.format(createdAt)), "updated_at": .string(ISOTime.format(updatedAt)),
        ]
        return JSONText.encode(o, sortedKeys: true)
    }

    /// Human-readable lines: id, audiences, then each field as `name: value`.
    public var text: String {
        var lines = ["profile \(id)"]
        lines.append("audiences: " + (audiences.isEmpty ? "(none)" : audiences.joined(separator: ", ")))
        if !mergedFrom.isEmpty { lines.append("merged_from: " + mergedFrom.map(String.init).joined(separator: ", ")) }
        lines.append("sources: " + sources.joined(separator: ", "))
        for k in fields.keys.sorted() {
            let v = fields[k]!
            lines.append("\(k): " + (v.stringValue ?? JSONText.encode(v)))
        }
        return lines.joined(separator: "\n")
    }
}
