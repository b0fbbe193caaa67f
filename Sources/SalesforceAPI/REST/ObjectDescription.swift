import Foundation

/// `GET /sobjects/{Object}/describe` (§4.2), the keys the connector uses. Unknown keys are ignored.
public struct ObjectDescription: Sendable, Hashable, Decodable {
    public var name: String
    public var label: String
    public var keyPrefix: String?
    public var custom: Bool
    public var createable: Bool
    public var updateable: Bool
    public var queryable: Bool
    public var fields: [FieldDescription]
    public var childRelationships: [ChildRelationship]

    /// The field called `name` (API names compare case-insensitively, as in Salesforce).
    public func field(_ name: String) -> FieldDescription? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The child relationship called `name` (e.g. `Contacts` on Account).
    public func childRelationship(_ name: String) -> ChildRelationship? {
        childRelationships.first { $0.relationshipName?.caseInsensitiveCompare(name) == .orderedSame }
    }

    enum CodingKeys: String, CodingKey {
        case name, label, keyPrefix, custom, createable, updateable, queryable, fields, childRelationships
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        label = try c.decodeIfPresent(String.self, forKey: .label) ?? name
        keyPrefix = try c.decodeIfPresent(String.self, forKey: .keyPrefix)
        custom = try c.decodeIfPresent(Bool.self, forKey: .custom) ?? name.hasSuffix("__c")
        createable = try c.decodeIfPresent(Bool.self, forKey: .createable) ?? false
        updateable = try c.decodeIfPresent(Bool.self, forKey: .updateable) ?? false
        queryable = try c.decodeIfPresent(Bool.self, forKey: .queryable) ?? true
        fields = try c.decodeIfPresent([FieldDescription].self, forKey: .fields) ?? []
        childRelationships = try c.decodeIfPresent([ChildRelationship].self, forKey: .childRelationships) ?? []
    }
}

/// One field of a describe result.
public struct FieldDescription: Sendable, Hashable, Decodable {
    public var name: String
    public var label: String
    /// Salesforce's type spelling: `id`, `string`, `email`, `datetime`, `reference`, `address`, …
    public var type: String
    /// Maximum characters for text types, 0 otherwise.
    public var length: Int
    public var nillable: Bool
    public var createable: Bool
    public var updateable: Bool
    public var defaultedOnCreate: Bool
    public var calculated: Bool
    public var externalId: Bool
    public var unique: Bool
    public var idLookup: Bool
    public var picklistValues: [PicklistValue]
    public var referenceTo: [String]
    public var relationshipName: String?

    /// Compound types Bulk API 2.0 cannot return (select their components instead).
    public var isCompound: Bool { type == "address" || type == "location" }

    enum CodingKeys: String, CodingKey {
        case name, label, type, length, nillable, createable, updateable, defaultedOnCreate, calculated
        case externalId, unique, idLookup, picklistValues, referenceTo, relationshipName
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func flag(_ k: CodingKeys) throws -> Bool { try c.decodeIfPresent(Bool.self, forKey: k) ?? false }
        name = try c.decode(String.self, forKey: .name)
        label = try c.decodeIfPresent(String.self, forKey: .label) ?? name
        type = try c.decodeIfPresent(String.self, forKey: .type) ?? "string"
        length = try c.decodeIfPresent(Int.self, forKey: .length) ?? 0
        nillable = try flag(.nillable)
        createable = try flag(.createable)
        updateable = try flag(.updateable)
        defaultedOnCreate = try flag(.defaultedOnCreate)
        calculated = try flag(.calculated)
        externalId = try flag(.externalId)
        unique = try flag(.unique)
        idLookup = try flag(.idLookup)
        picklistValues = try c.decodeIfPresent([PicklistValue].self, forKey: .picklistValues) ?? []
        referenceTo = try c.decodeIfPresent([String].self, forKey: .referenceTo) ?? []
        relationshipName = try c.decodeIfPresent(String.self, forKey: .relationshipName)
    }
}

/// A picklist entry of a field.
public struct PicklistValue: Sendable, Hashable, Decodable {
    public var value: String
    public var label: String?
    public var active: Bool
    public var defaultValue: Bool

    enum CodingKeys: String, CodingKey { case value, label, active, defaultValue }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = try c.decode(String.self, forKey: .value)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        active = try c.decodeIfPresent(Bool.self, forKey: .active) ?? true
        defaultValue = try c.decodeIfPresent(Bool.self, forKey: .defaultValue) ?? false
    }
}

/// A parent-to-child relationship (`Contacts` on Account → Contact.AccountId).
public struct ChildRelationship: Sendable, Hashable, Decodable {
    public var childSObject: String
    public var field: String
    public var relationshipName: String?
}

/// `GET /sobjects` (§4.1): the org's objects.
public struct GlobalDescription: Sendable, Hashable, Decodable {
    public struct Object: Sendable, Hashable, Decodable {
        public var name: String
        public var label: String?
        public var keyPrefix: String?
        public var custom: Bool?
        public var queryable: Bool?
        public var createable: Bool?
        public var updateable: Bool?
    }
    public var maxBatchSize: Int?
    public var sobjects: [Object]

    /// The object called `name`, compared case-insensitively.
    public func object(_ name: String) -> Object? {
        sobjects.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }
}
