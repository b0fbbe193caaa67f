import ConnectorCore

/// Reads and checks one `fields:` row of a mapping file.
enum FieldRow {
    /// `hasObject` is false for an ingest-only mapping (no `object:`): rows then name no salesforce field.
    static func read(_ row: inout NodeReader, hasObject: Bool = true) -> FieldMapping? {
        let source = row.string("source", required: true)
        let salesforce = row.string("salesforce", required: false)
        let user = row.string("user_field", required: true)
        let typeName = row.string("type", required: true)
        let unique = row.bool("unique_id") ?? false
        let deriveName = row.string("derive", required: false)
        let description = row.string("description", required: false) ?? ""

        var type: FieldType?
        if let typeName {
            type = FieldType(rawValue: typeName)
            if type == nil {
                let allowed = FieldType.allCases.map(\.rawValue).joined(separator: ", ")
                row.fail(.invalidValue, "type", row.line, "'\(typeName)' is not a field type; use one of \(allowed).")
            }
        }
        var derivation: FieldDerivation?
        if let deriveName {
            derivation = FieldDerivation(rawValue: deriveName)
            if derivation == nil {
                let allowed = FieldDerivation.allCases.map(\.rawValue).joined(separator: ", ")
                row.fail(.invalidValue, "derive", row.line, "'\(deriveName)' is not a derivation; use one of \(allowed).")
            }
        }
        if let salesforce, !APIName.isValidPath(salesforce) {
            row.fail(.invalidValue, "salesforce", row.line,
                     "'\(salesforce)' is not a Salesforce API name (letters, digits and underscores, starting with a letter; dots for relationships).")
        }
        if !hasObject, salesforce != nil {
            row.fail(.invalidValue, "salesforce", row.line,
                     "names a Salesforce field, but the file has no object: key; add object: or remove salesforce: for an ingest-only stream.")
        }
        if hasObject, salesforce == nil, derivation != .importTime {
            row.fail(.missingKey, "salesforce", row.line, "is required unless derive is import_time.")
        }
        guard let source, let user, let type else { return nil }
        return FieldMapping(source: source, salesforceField: salesforce, userField: user, type: type,
                            isUniqueID: unique, derivation: derivation, description: description)
    }
}

/// Salesforce API name rules: a letter first, then letters, digits and single underscores,
/// optionally ending in `__c`, `__r`, `__s` or with a namespace prefix `ns__`.
public enum APIName {
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        guard name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") })
        else { return false }
        return !name.hasSuffix("_") && !name.contains("___")
    }

    /// A dotted relationship path such as `RecordType.Name` or `Contacts.Id`.
    public static func isValidPath(_ path: String) -> Bool {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.count <= 6 && parts.allSatisfy { isValid(String($0)) }
    }
}
