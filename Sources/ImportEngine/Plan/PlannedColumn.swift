import ConnectorCore

/// Where a column's value is read from in a row.
public enum ColumnPath: Sendable, Hashable {
    /// A field of the object or a parent path: `["Email"]`, `["RecordType", "Name"]`.
    case field([String])
    /// A field of a child relationship's rows: `Contacts.Id`.
    case child(relationship: String, field: String)
    /// No Salesforce field (the import time).
    case none
}

/// How a value is coerced: to a mapping type, or kept as Salesforce sent it (compound
/// address/location fields named as additional fields).
public enum ValueKind: Sendable, Hashable {
    case typed(FieldType)
    case raw

    /// The kind for a describe type of a field that has no mapping row.
    public static func forDescribeType(_ type: String) -> ValueKind {
        switch type {
        case "boolean": return .typed(.bool)
        case "int": return .typed(.int)
        case "double", "currency", "percent", "long": return .typed(.number)
        case "date", "datetime": return .typed(.date)
        case "address", "location": return .raw
        default: return .typed(.string)
        }
    }
}

/// One column of a plan: a mapping row (or an unmapped additional field) resolved against the
/// org's describe.
public struct PlannedColumn: Sendable, Hashable {
    /// The stream's source field.
    public var source: String
    /// The profile (user) field it feeds; nil for an additional field without a mapping row.
    public var userField: String?
    public var kind: ValueKind
    public var isUniqueID: Bool
    public var derivation: FieldDerivation?
    public var path: ColumnPath

    public init(source: String, userField: String?, kind: ValueKind, isUniqueID: Bool = false,
                derivation: FieldDerivation? = nil, path: ColumnPath) {
        self.source = source
        self.userField = userField
        self.kind = kind
        self.isUniqueID = isUniqueID
        self.derivation = derivation
        self.path = path
    }
}
