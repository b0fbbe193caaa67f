/// The type of a user field, as the mapping tables name it.
public enum FieldType: String, Sendable, Hashable, CaseIterable, Codable {
    case string, number, int, bool, date
    case stringList = "[]string"
}

/// How a mapped value is derived instead of read as is.
public enum FieldDerivation: String, Sendable, Hashable, CaseIterable, Codable {
    /// The domain part of an email address.
    case emailDomain = "email_domain"
    /// The time of the import; no Salesforce field.
    case importTime = "import_time"
    /// The ids of a child relationship's rows (a parent-to-child subquery).
    case childIds = "child_ids"
}

/// One row of a mapping table: a stream source field, where it comes from in Salesforce, and
/// the user (profile) field it feeds.
public struct FieldMapping: Sendable, Hashable {
    public var source: String
    /// The Salesforce API field (`Email`), a parent path (`RecordType.Name`) or a child
    /// relationship path (`Contacts.Id`); nil for derived fields without one.
    public var salesforceField: String?
    public var userField: String
    public var type: FieldType
    public var isUniqueID: Bool
    public var derivation: FieldDerivation?
    public var description: String

    public init(source: String, salesforceField: String?, userField: String, type: FieldType,
                isUniqueID: Bool = false, derivation: FieldDerivation? = nil, description: String = "") {
        self.source = source
        self.salesforceField = salesforceField
        self.userField = userField
        self.type = type
        self.isUniqueID = isUniqueID
        self.derivation = derivation
        self.description = description
    }
}

/// A mapping file: the fields of one Salesforce object that land in one stream.
public struct ObjectMapping: Sendable, Hashable {
    public var object: String
    public var stream: String
    public var fields: [FieldMapping]

    public init(object: String, stream: String, fields: [FieldMapping]) {
        self.object = object
        self.stream = stream
        self.fields = fields
    }
}
