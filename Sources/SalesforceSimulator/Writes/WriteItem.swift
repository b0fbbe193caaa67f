import Foundation

/// An object being written: its describe and the rules derived from it (built once per request).
struct WriteTarget: Sendable {
    let describe: ObjectDescribe
    let rules: WriteObjectRules

    init(_ describe: ObjectDescribe) {
        self.describe = describe
        rules = WriteObjectRules(describe)
    }

    var name: String { describe.name }
}

/// One record of a write request, already resolved against the object's fields.
struct WriteItem: Sendable {
    enum Kind: Sendable {
        case create
        case update(id: String)
        /// Match on `field` = `value`: none → create, one → update, several → a multiple-match error.
        case upsert(field: WriteFieldRules, value: String)
        case delete(id: String)
    }

    /// nil only when `problem` is set (e.g. an unknown `attributes.type`).
    var target: WriteTarget?
    var kind: Kind
    var values: [(WriteFieldRules, SimValue)]
    /// A problem found while reading this record, reported as its result.
    var problem: WriteError?

    init(_ target: WriteTarget?, _ kind: Kind, values: [(WriteFieldRules, SimValue)] = [], problem: WriteError? = nil) {
        self.target = target
        self.kind = kind
        self.values = values
        self.problem = problem
    }
}

/// The result of one record: `id`, `created` (upserts), errors, and the ids an ambiguous upsert matched.
struct WriteOutcome: Sendable {
    var id: String?
    var created: Bool?
    var errors: [WriteError] = []
    var multipleMatches: [String] = []

    var success: Bool { errors.isEmpty }

    static func failure(_ e: WriteError, id: String? = nil) -> WriteOutcome { WriteOutcome(id: id, errors: [e]) }

    /// `{"id", "success", "errors"}` (+ `created` for upserts) with per-record `statusCode`s.
    var json: [String: Any] {
        var out: [String: Any] = ["id": id ?? NSNull(), "success": success, "errors": errors.map(\.recordJSON)]
        if let created { out["created"] = created }
        return out
    }
}
