import Foundation

/// What write validation needs to know about one field (a projection of its describe metadata).
struct WriteFieldRules: Sendable, Equatable {
    var name: String
    var label: String
    /// Describe spelling: `string`, `email`, `boolean`, `double`, `reference`, …
    var type: String
    var length: Int = 0
    var nillable: Bool = true
    var createable: Bool = true
    var updateable: Bool = true
    var defaultedOnCreate: Bool = false
    var externalId: Bool = false
    var unique: Bool = false
    var caseSensitive: Bool = false
    var restrictedPicklist: Bool = false
    /// Active picklist values.
    var picklistValues: [String] = []
    var referenceTo: [String] = []

    /// Required on create: not nillable, writable and without a server default.
    var requiredOnCreate: Bool { !nillable && createable && !defaultedOnCreate && type != "boolean" }

    var isText: Bool {
        ["string", "textarea", "email", "phone", "url", "picklist", "multipicklist", "combobox",
         "encryptedstring"].contains(type)
    }
}

/// The writable shape of one object: its fields in describe order.
struct WriteObjectRules: Sendable {
    var name: String
    var fields: [WriteFieldRules]
    private var index: [String: Int] = [:]

    init(name: String, fields: [WriteFieldRules]) {
        self.name = name
        self.fields = fields
        for (i, f) in fields.enumerated() { index[f.name.lowercased()] = i }
    }

    /// Case-insensitive lookup.
    func field(_ name: String) -> WriteFieldRules? { index[name.lowercased()].map { fields[$0] } }
}
