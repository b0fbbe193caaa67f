import Foundation

/// A child relationship as describe lists it (`Account.childRelationships`).
public struct ChildRelationshipInfo: Sendable {
    public var childSObject: String
    public var field: String
    public var relationshipName: String?
    public var cascadeDelete: Bool
}

/// A record type of an object (`recordTypeInfos`).
public struct RecordTypeInfo: Sendable {
    public var name: String
    public var developerName: String
    public var recordTypeId: String
    public var active = true
    public var defaultRecordTypeMapping: Bool
    public var master: Bool
}

/// An object's describe metadata: object flags, fields, and (filled by ``OrgSchema``) child relationships.
public struct ObjectDescribe: Sendable {
    public var name: String
    public var label: String
    public var labelPlural: String
    /// Three characters, the first three of every record Id of the object.
    public var keyPrefix: String
    public var custom: Bool
    public var createable = true
    public var updateable = true
    public var deletable = true
    public var queryable = true
    public var retrieveable = true
    public var replicateable = true
    public var searchable = true
    public var undeletable = true
    public var triggerable = true
    public var layoutable = true
    public var mergeable = false
    public var feedEnabled = false
    public var fields: [FieldDescribe]
    public var childRelationships: [ChildRelationshipInfo] = []
    public var recordTypeInfos: [RecordTypeInfo] = []

    public init(name: String, label: String? = nil, labelPlural: String? = nil, keyPrefix: String,
                fields: [FieldDescribe]) {
        self.name = name
        let base = label ?? FieldDescribe.label(from: name)
        self.label = base
        self.labelPlural = labelPlural ?? (base.hasSuffix("y") ? String(base.dropLast()) + "ies" : base + "s")
        self.keyPrefix = keyPrefix
        custom = name.hasSuffix("__c")
        self.fields = fields
    }

    /// Case-insensitive field lookup.
    public func field(_ name: String) -> FieldDescribe? {
        let n = name.lowercased()
        return fields.first { $0.name.lowercased() == n }
    }
}
