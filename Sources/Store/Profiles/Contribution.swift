import Foundation
import ConnectorCore

/// What one source record (one stream record, its latest version) says about its profile:
/// scalar user fields, list items, and the unique-id values that identify the profile.
struct Contribution: Equatable {
    var scalars: [String: JSONValue] = [:]
    var lists: [String: [String]] = [:]
    var ids: [IdentityKey] = []

    /// The stored form: one JSON object, lists as arrays of strings.
    var json: String {
        var o = scalars
        for (k, v) in lists { o[k] = .array(v.map(JSONValue.string)) }
        return JSONText.encode(o)
    }

    /// Reads the stored form back (ids are not stored there; they live in `identity`).
    init(json: String, types: [String: FieldType]) {
        guard case .object(let o)? = try? JSONText.decode(json) else { return }
        for (k, v) in o {
            if case .array(let items) = v, types[k] == .stringList || types[k] == nil {
                lists[k] = items.compactMap(\.stringValue)
            } else { scalars[k] = v }
        }
    }

    init() {}

    /// This version folded onto what the same source said before: scalars from the newer of the
    /// two versions, list items from both (lists accumulate).
    func folded(onto old: Contribution, newer: Bool) -> Contribution {
        var result = newer ? self : old
        result.ids = ids
        for (k, items) in newer ? old.lists : lists {
            var merged = result.lists[k] ?? []
            var seen = Set(merged)
            for i in items where seen.insert(i).inserted { merged.append(i) }
            result.lists[k] = merged
        }
        return result
    }
}

/// A unique-id value: the user field (`email`, `salesforce_lead_ids`) and its normalized value.
struct IdentityKey: Hashable {
    var kind: String
    var value: String

    /// Emails (a user field named `email` or ending in `email`) compare case-insensitively.
    static func normalized(kind: String, _ raw: String) -> IdentityKey? {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        return IdentityKey(kind: kind, value: isCaseInsensitive(kind) ? trimmed.lowercased() : trimmed)
    }

    static func isCaseInsensitive(_ kind: String) -> Bool { kind.lowercased().hasSuffix("email") }
}
