/// Naming rules for the values of job keys, each returning an error sentence or nil.
enum NameRules {
    /// A Salesforce field that may be a dotted relationship path (`Owner.Email`).
    static func fieldPath(_ s: String) -> String? {
        APIName.isValidPath(s) ? nil
            : "'\(s)' is not a Salesforce API name (letters, digits and underscores, starting with a letter; dots for relationships)."
    }

    /// A field of the object itself (no relationship dots).
    static func field(_ s: String) -> String? {
        if APIName.isValid(s) { return nil }
        if APIName.isValidPath(s) { return "'\(s)' is a relationship path; name a field of the object itself." }
        return "'\(s)' is not a Salesforce API name (letters, digits and underscores, starting with a letter, custom fields ending in __c)."
    }

    /// A Salesforce object (`Lead`, `Subscription__c`).
    static func object(_ s: String) -> String? {
        APIName.isValid(s) ? nil
            : "'\(s)' is not a Salesforce object API name (letters, digits and underscores, starting with a letter, custom objects ending in __c)."
    }

    /// A profile (user) field such as `email` or `salesforce_lead_status`.
    static func profileField(_ s: String) -> String? {
        isIdentifier(s) ? nil
            : "'\(s)' is not a profile field name (letters, digits and underscores, starting with a letter or underscore)."
    }

    /// A stream such as `salesforce_subscriptions`.
    static func stream(_ s: String) -> String? {
        isIdentifier(s) ? nil
            : "'\(s)' is not a stream name (letters, digits and underscores, starting with a letter or underscore)."
    }

    /// Characters allowed in audience and authorization names.
    static func isNameCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-" || c == ".")
    }

    /// An audience name (`working_leads`, `tech-leads`).
    static func audience(_ s: String) -> String? {
        s.allSatisfy(isNameCharacter) ? nil
            : "'\(s)' is not an audience name (letters, digits, '_', '-' and '.')."
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
