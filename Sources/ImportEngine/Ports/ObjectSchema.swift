/// What the engine needs from `describe`: the object's fields with their types and
/// relationships, and its child relationships. The real adapter fills it from
/// SalesforceAPI's describe; tests build it by hand.
public struct ObjectSchema: Sendable, Hashable {
    /// One field of the object.
    public struct Field: Sendable, Hashable {
        /// The API name as describe spells it (`Email`, `Ext_Id__c`).
        public var name: String
        /// Describe's `type` (`string`, `datetime`, `reference`, `address`, `base64`, …).
        public var type: String
        /// For a lookup: its relationship name (`RecordType` for `RecordTypeId`).
        public var relationshipName: String?
        /// For a lookup: the object(s) it points to (`["Contact"]`; several for a polymorphic lookup).
        public var referenceTo: [String]

        public init(name: String, type: String, relationshipName: String? = nil, referenceTo: [String] = []) {
            self.name = name
            self.type = type
            self.relationshipName = relationshipName
            self.referenceTo = referenceTo
        }

        /// Compound fields (`address`, `location`) and `base64` cannot be read by Bulk API 2.0.
        public var isBulkIncompatible: Bool { ["address", "location", "base64"].contains(type) }
        /// A datetime field, usable as the incremental timestamp.
        public var isDatetime: Bool { type == "datetime" }
    }

    public var name: String
    public var fields: [Field]
    /// Child relationship names (`Contacts`) mapped to the child object (`Contact`).
    public var childRelationships: [String: String]

    public init(name: String, fields: [Field], childRelationships: [String: String] = [:]) {
        self.name = name
        self.fields = fields
        self.childRelationships = childRelationships
        var byName: [String: Int] = [:], byRel: [String: Int] = [:]
        for (i, f) in fields.enumerated() {
            byName[f.name.lowercased()] = i
            if let r = f.relationshipName { byRel[r.lowercased()] = i }
        }
        index = byName
        relationshipIndex = byRel
        childIndex = Dictionary(childRelationships.keys.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
    }

    private var index: [String: Int]
    private var relationshipIndex: [String: Int]
    private var childIndex: [String: String]

    /// The field named `name`, matched case-insensitively as Salesforce does.
    public func field(_ name: String) -> Field? { index[name.lowercased()].map { fields[$0] } }
    /// The lookup field whose relationship is `name` (`RecordType`).
    public func parentRelationship(_ name: String) -> Field? {
        relationshipIndex[name.lowercased()].map { fields[$0] }
    }
    /// The canonical spelling of a child relationship (`Contacts`).
    public func childRelationship(_ name: String) -> String? { childIndex[name.lowercased()] }
}
