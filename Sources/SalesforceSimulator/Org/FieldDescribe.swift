import Foundation

/// A field type in REST describe spelling (§4.2).
public enum FieldType: String, Sendable, Codable, CaseIterable {
    case id, string, textarea, email, phone, url, boolean, int, long, double, currency, percent
    case date, datetime, time, picklist, multipicklist, combobox, reference, encryptedstring, base64

    /// The `soapType` describe reports for the type.
    public var soapType: String {
        switch self {
        case .id, .reference: return "tns:ID"
        case .boolean: return "xsd:boolean"
        case .int: return "xsd:int"
        case .long: return "xsd:long"
        case .double, .currency, .percent: return "xsd:double"
        case .date: return "xsd:date"
        case .datetime: return "xsd:dateTime"
        case .time: return "xsd:time"
        case .base64: return "xsd:base64Binary"
        default: return "xsd:string"
        }
    }

    /// The type the SOQL engine checks literals against.
    var soqlType: SOQLFieldType {
        switch self {
        case .id: return .id
        case .reference: return .reference
        case .boolean: return .boolean
        case .int, .long: return .integer
        case .double, .currency, .percent: return .double
        case .date: return .date
        case .datetime: return .datetime
        default: return .string
        }
    }

    /// Text-like types carry a `length`.
    public var isText: Bool {
        switch self {
        case .id, .string, .textarea, .email, .phone, .url, .picklist, .multipicklist, .combobox, .reference,
             .encryptedstring:
            return true
        default: return false
        }
    }
}

/// One entry of a field's `picklistValues`.
public struct PicklistValue: Sendable, Equatable {
    public var value: String
    public var label: String
    public var active: Bool
    public var defaultValue: Bool

    public init(_ value: String, label: String? = nil, active: Bool = true, defaultValue: Bool = false) {
        self.value = value
        self.label = label ?? value
        self.active = active
        self.defaultValue = defaultValue
    }
}

/// A field's describe metadata: every key §4.2 lists that the simulator acts on.
public struct FieldDescribe: Sendable {
    public var name: String
    public var label: String
    public var type: FieldType
    /// Max characters for text types, 0 otherwise.
    public var length: Int
    public var precision = 0
    public var scale = 0
    public var digits = 0
    public var custom = false
    public var nillable = true
    public var createable = true
    public var updateable = true
    public var defaultedOnCreate = false
    public var calculated = false
    public var autoNumber = false
    public var externalId = false
    public var unique = false
    public var idLookup = false
    public var caseSensitive = false
    public var filterable = true
    public var sortable = true
    public var groupable = true
    public var nameField = false
    public var htmlFormatted = false
    public var picklistValues: [PicklistValue] = []
    public var restrictedPicklist = false
    public var referenceTo: [String] = []
    public var relationshipName: String?
    /// Name of the child relationship this lookup creates on its parent (`Contacts` for Contact.AccountId).
    public var childRelationshipName: String?
    public var cascadeDelete = false
    public var compoundFieldName: String?
    public var extraTypeInfo: String?

    public init(name: String, label: String? = nil, type: FieldType, length: Int = 0) {
        self.name = name
        self.label = label ?? FieldDescribe.label(from: name)
        self.type = type
        self.length = type.isText ? (length > 0 ? length : (type == .id || type == .reference ? 18 : 255)) : 0
        custom = name.hasSuffix("__c")
        switch type {
        case .id:
            nillable = false; createable = false; updateable = false; defaultedOnCreate = true; idLookup = true
        case .boolean:
            nillable = false; defaultedOnCreate = true; sortable = true
        case .textarea where self.length > 255:
            filterable = false; sortable = false; groupable = false; extraTypeInfo = "plaintextarea"
        case .double, .currency, .percent:
            precision = 18; scale = 2; groupable = false
        case .int:
            digits = 9
        default: break
        }
    }

    /// The picklist value marked default, if any.
    public var defaultPicklistValue: String? { picklistValues.first { $0.defaultValue && $0.active }?.value }

    /// "AnnualRevenue" → "Annual Revenue"; "Lytics_Audiences__c" → "Lytics Audiences".
    static func label(from name: String) -> String {
        var base = name.hasSuffix("__c") ? String(name.dropLast(3)) : name
        if base.hasSuffix("Id"), base.count > 2 { base = String(base.dropLast(2)) + " ID" }
        var out = ""
        var previous: Character?
        for ch in base {
            if ch == "_" { out.append(" "); previous = " "; continue }
            if ch.isUppercase, let p = previous, p.isLowercase { out.append(" ") }
            out.append(ch)
            previous = ch
        }
        return out
    }
}
