import ConnectorCore

/// Cross-key checks of an export's Salesforce fields.
enum ExportFieldChecks {
    /// Each Salesforce field receives one value: mapped once, and not also a `send_*_to` target.
    static func targetsOnce(_ r: inout NodeReader, mapped: [FieldPair], targets: [(String, String?)]) {
        var firstUse: [String: String] = [:]
        for pair in mapped {
            let section = r.keyPath(pair.line == 0 ? "extra_fields" : section(of: pair, in: r))
            if let earlier = firstUse[pair.salesforceField] {
                r.fail(.invalidValue, "\(section).\(pair.profileField)", pair.line,
                       "'\(pair.salesforceField)' is already mapped from \(earlier); map each Salesforce field once.")
            } else {
                firstUse[pair.salesforceField] = pair.profileField
            }
        }
        for (key, value) in targets {
            guard let value else { continue }
            if let earlier = firstUse[value] {
                r.fail(.invalidValue, key, JobCommonKeys.line(of: key, in: r),
                       "'\(value)' is also mapped from \(earlier); a field cannot take both.")
            } else {
                firstUse[value] = key
            }
        }
    }

    /// The match field must be one of the mapped Salesforce fields (it carries the member's
    /// value); without a match field every record is created, so `create_missing: false` is wrong.
    static func matchField(_ r: inout NodeReader, _ matchField: String?, mapped: [FieldPair], createMissing: Bool) {
        if let matchField, !mapped.contains(where: { $0.salesforceField == matchField }) {
            r.fail(.invalidValue, "match_field", JobCommonKeys.line(of: "match_field", in: r),
                   "'\(matchField)' is not mapped; map a profile field to it under required_fields or extra_fields.")
        }
        if matchField == nil, !createMissing {
            r.fail(.invalidValue, "create_missing", JobCommonKeys.line(of: "create_missing", in: r),
                   "false needs a match_field; without one every member is created.")
        }
    }

    private static func section(of pair: FieldPair, in r: NodeReader) -> String {
        guard let req = r.node.mapping?["required_fields"]?.mapping else { return "extra_fields" }
        return req.contains { $0.key.string == pair.profileField && $0.key.mark?.line == pair.line } ? "required_fields" : "extra_fields"
    }
}
