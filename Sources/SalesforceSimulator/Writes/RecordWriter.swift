import Foundation

/// The record-level rules for one object: validation, unique fields, the Lead duplicate rule,
/// converted leads, CampaignMember/Task rules and the `UNABLE_TO_LOCK_ROW` fault, then the store call.
struct RecordWriter {
    let target: WriteTarget
    let context: WriteContext

    var object: ObjectDescribe { target.describe }
    var rules: WriteObjectRules { target.rules }

    func apply(_ item: WriteItem, _ batch: inout OrgWriteBatch) -> WriteOutcome {
        do {
            switch item.kind {
            case .create: return try create(item.values, &batch)
            case .update(let id): return try update(id, item.values, &batch)
            case .delete(let id): return try delete(id, &batch)
            case .upsert(let field, let value):
                let matches = batch.find(object.name, field: field.name, equalsIgnoringCase: value)
                    .filter { !field.caseSensitive || $0[field.name] == .string(value) }
                    .compactMap(\.id)
                switch matches.count {
                case 0:
                    var out = try create(item.values.filter { $0.0.name != field.name } + [(field, .string(value))],
                                         &batch)
                    out.created = out.success ? true : nil
                    return out
                case 1:
                    var out = try update(matches[0], item.values.filter { $0.0.name != field.name }, &batch)
                    out.created = out.success ? false : nil
                    return out
                default:
                    var out = WriteOutcome.failure(WriteError(code: "DUPLICATE_EXTERNAL_ID", message:
                        "\(field.label): more than one record found for external id field: [\(matches.joined(separator: ", "))]",
                        fields: [field.name]))
                    out.multipleMatches = matches
                    return out
                }
            }
        } catch let e as WriteError {
            return .failure(e)
        } catch {
            return .failure(WriteError(code: "UNKNOWN_EXCEPTION", message: "\(error)"))
        }
    }

    private func create(_ values: [(WriteFieldRules, SimValue)], _ batch: inout OrgWriteBatch) throws -> WriteOutcome {
        if values.contains(where: { $0.0.name == "Id" }) {
            throw WriteError(code: "INVALID_FIELD_FOR_INSERT_UPDATE", message: "cannot specify Id in an insert call",
                             fields: ["Id"])
        }
        let errors = RecordValidator(object: rules).check(values, operation: .create)
        if !errors.isEmpty { return WriteOutcome(errors: errors) }
        var record = Dictionary(values.map { ($0.0.name, $0.1) }, uniquingKeysWith: { _, b in b })
        try CampaignRules(object: object.name).prepare(&record, existing: nil, batch)
        try checkUnique(record, id: nil, batch)
        try checkDuplicateRule(record, id: nil, batch)
        if context.lockFault() { throw WriteError.unableToLock(nil) }
        let id = try batch.insert(object.name, record)
        if object.name == "Campaign" { try CampaignDefaults.addStatuses(campaignId: id, &batch) }
        return WriteOutcome(id: id)
    }

    private func existing(_ id: String, _ batch: OrgWriteBatch) throws(WriteError) -> SimRecord {
        guard let prefix = RecordID.parse(id)?.prefix, prefix == object.keyPrefix else {
            throw WriteError(code: "MALFORMED_ID", message: "\(object.label) ID: id value of incorrect type: \(id)",
                             fields: ["Id"])
        }
        guard let record = batch.record(id: id) else {
            throw WriteError(code: "INVALID_CROSS_REFERENCE_KEY", message: "invalid cross reference id")
        }
        if record["IsDeleted"] == .bool(true) { throw WriteError.entityIsDeleted }
        return record
    }

    private func update(_ id: String, _ values: [(WriteFieldRules, SimValue)],
                        _ batch: inout OrgWriteBatch) throws -> WriteOutcome {
        let old = try existing(id, batch)
        let canonical = old.id ?? id
        if object.name == "Lead", old["IsConverted"] == .bool(true) { throw WriteError.convertedLead }
        let errors = RecordValidator(object: rules).check(values.filter { $0.0.name != "Id" }, operation: .update)
        if !errors.isEmpty { return WriteOutcome(id: canonical, errors: errors) }
        var changes = Dictionary(values.filter { $0.0.name != "Id" }.map { ($0.0.name, $0.1) },
                                 uniquingKeysWith: { _, b in b })
        try CampaignRules(object: object.name).prepare(&changes, existing: old, batch)
        try checkUnique(changes, id: canonical, batch)
        var merged = batch.values(id: canonical) ?? [:]
        for (k, v) in changes { merged[k] = v }
        try checkDuplicateRule(merged, id: canonical, batch)
        if context.lockFault() { throw WriteError.unableToLock(canonical) }
        try batch.update(object.name, id: canonical, changes)
        return WriteOutcome(id: canonical)
    }

    private func delete(_ id: String, _ batch: inout OrgWriteBatch) throws -> WriteOutcome {
        let old = try existing(id, batch)
        let canonical = old.id ?? id
        if context.lockFault() { throw WriteError.unableToLock(canonical) }
        try batch.delete(object.name, id: canonical)
        return WriteOutcome(id: canonical)
    }

    /// `DUPLICATE_VALUE` when a unique field's value (case-insensitive unless case-sensitive) is taken.
    private func checkUnique(_ values: [String: SimValue], id: String?, _ batch: OrgWriteBatch) throws(WriteError) {
        for f in object.fields where f.unique {
            guard case .string(let s)? = values[f.name] else { continue }
            let clash = batch.find(object.name, field: f.name, equalsIgnoringCase: s)
                .first { $0.id != id && (!f.caseSensitive || $0[f.name] == .string(s)) }
            if let other = clash?.id { throw WriteError.duplicateValue(field: f.name, id: other) }
        }
    }

    /// `DUPLICATES_DETECTED` when the Lead Email rule is on and another live lead has the same email.
    private func checkDuplicateRule(_ record: [String: SimValue], id: String?, _ batch: OrgWriteBatch) throws(WriteError) {
        let rule = context.rule
        guard rule.mode != .off, object.name == "Lead", case .string(let email)? = record["Email"], !email.isEmpty
        else { return }
        if rule.mode == .alert, context.allowSave { return }
        let matched = batch.find("Lead", field: "Email", equalsIgnoringCase: email).compactMap(\.id).filter { $0 != id }
        guard !matched.isEmpty else { return }
        throw WriteError(code: "DUPLICATES_DETECTED", message: rule.errorMessage, duplicate: DuplicateMatch(
            rule: rule.name, entityType: "Lead", allowSave: rule.mode == .alert, errorMessage: rule.errorMessage,
            matchedIds: matched, apiVersion: context.apiVersion))
    }
}
