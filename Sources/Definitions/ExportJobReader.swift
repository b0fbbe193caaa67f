import ConnectorCore
import Foundation

/// Reads `kind: export_audiences` (keys: jobs/README.md).
enum ExportJobReader {
    static func read(_ r: inout NodeReader, _ job: inout JobContext) -> ExportAudiencesJob? {
        let basics = JobCommonKeys.basics(&r, job)
        let authorization = JobCommonKeys.authorization(&r)
        let audiences = r.list("audiences", of: "audience names", check: NameRules.audience)
        if audiences == nil, !r.errors.contains(where: { $0.key == "audiences" }) {
            r.fail(.missingKey, "audiences", r.line, "is required: list the audiences to export.")
        } else if let audiences, audiences.items.isEmpty, !r.errors.contains(where: { $0.key.hasPrefix("audiences[") }) {
            r.fail(.invalidValue, "audiences", audiences.line, "must list at least one audience.")
        }
        let object = checked(&r, "object", NameRules.object, required: "name the Salesforce object to write to (e.g. Lead).")
        let matchField = checked(&r, "match_field", NameRules.field)
        let createMissing = r.bool("create_missing") ?? true
        let sendAudiencesTo = checked(&r, "send_audiences_to", NameRules.field)
        let separator = self.separator(&r)
        let sendScoresTo = checked(&r, "send_scores_to", NameRules.field)
        let scores = r.list("scores_fields", of: "profile field names", check: NameRules.profileField)?.items ?? []
        let sendAffinityTo = checked(&r, "send_content_affinity_to", NameRules.field)
        let affinity = r.list("content_affinity_fields", of: "profile field names", check: NameRules.profileField)?.items ?? []
        let required = fieldPairs(&r, "required_fields")
        let extra = fieldPairs(&r, "extra_fields")
        let triggers = r.list("trigger_fields", of: "profile field names", check: NameRules.profileField)
        let batchSize = r.integer("batch_size", in: 1...ExportAudiencesJob.maxBatchSize,
                                  rangeHint: "use 1 to 200 records per request (the sObject Collections limit)") ?? 200
        let onDuplicate = r.choice("on_duplicate", "a duplicate policy", as: DuplicatePolicy.self) ?? .updateMatch
        let onConverted = r.choice("on_converted_lead", "a converted-lead policy", as: ConvertedLeadPolicy.self) ?? .follow

        if let triggers, triggers.items.count > ExportAudiencesJob.maxTriggerFields {
            r.fail(.invalidValue, "trigger_fields", triggers.line,
                   "lists \(triggers.items.count) fields; at most \(ExportAudiencesJob.maxTriggerFields) are allowed.")
        }
        pairUp(&r, target: "send_scores_to", sendScoresTo, list: "scores_fields", scores.isEmpty)
        pairUp(&r, target: "send_content_affinity_to", sendAffinityTo, list: "content_affinity_fields", affinity.isEmpty)
        ExportFieldChecks.targetsOnce(&r, mapped: required + extra, targets: [
            ("send_audiences_to", sendAudiencesTo), ("send_scores_to", sendScoresTo),
            ("send_content_affinity_to", sendAffinityTo)])
        ExportFieldChecks.matchField(&r, matchField, mapped: required + extra, createMissing: createMissing)
        if required.isEmpty, extra.isEmpty, sendAudiencesTo == nil, sendScoresTo == nil, sendAffinityTo == nil,
           !r.errors.contains(where: { $0.key.hasSuffix("_fields") || $0.key.contains("_fields.") }) {
            r.fail(.missingKey, "extra_fields", r.line,
                   "nothing would be sent; map profile fields under required_fields or extra_fields, or set send_audiences_to.")
        }
        guard let authorization, let audiences, let object else { return nil }
        return ExportAudiencesJob(
            name: job.name, source: SourceLocation(file: job.file, line: r.line ?? 1), label: basics.label,
            description: basics.description, authorization: authorization, audiences: audiences.items,
            object: object, matchField: matchField, createMissing: createMissing, sendAudiencesTo: sendAudiencesTo,
            audienceSeparator: separator, sendScoresTo: sendScoresTo, scoresFields: scores,
            sendContentAffinityTo: sendAffinityTo, contentAffinityFields: affinity, requiredFields: required,
            extraFields: extra, triggerFields: triggers?.items ?? [], maxDailyAPICalls: basics.maxDailyAPICalls,
            batchSize: batchSize, api: basics.api, onDuplicate: onDuplicate, onConvertedLead: onConverted,
            priority: basics.priority)
    }

    /// A string key checked by a naming rule.
    private static func checked(_ r: inout NodeReader, _ key: String, _ rule: (String) -> String?, required: String? = nil) -> String? {
        guard let (value, line) = r.text(key, required: required != nil, hint: required ?? "") else { return nil }
        if let problem = rule(value) { r.fail(.invalidValue, key, line, problem); return nil }
        return value
    }

    /// `audience_separator`, default `;`; it must not contain characters of audience names.
    private static func separator(_ r: inout NodeReader) -> String {
        guard let v = r.value("audience_separator"), !NodeReader.isNull(v) else { return ";" }
        guard v.scalar != nil, let s = v.string, !s.isEmpty else {
            r.fail(.wrongType, "audience_separator", v.mark?.line, "must be a non-empty string such as ';' or ', '.")
            return ";"
        }
        if s.contains(where: NameRules.isNameCharacter) || s.contains(where: \.isNewline) || s.count > 8 {
            r.fail(.invalidValue, "audience_separator", v.mark?.line,
                   "'\(s)' cannot separate audience names; use up to 8 characters that are not letters, digits, '_', '-', '.' or line breaks (e.g. ';').")
            return ";"
        }
        return s
    }

    /// `required_fields` / `extra_fields`: profile field → Salesforce field.
    private static func fieldPairs(_ r: inout NodeReader, _ key: String) -> [FieldPair] {
        guard let pairs = r.pairs(key, noun: "profile field to Salesforce field") else { return [] }
        var result: [FieldPair] = []
        for p in pairs {
            if let problem = NameRules.profileField(p.key) { r.fail(.invalidValue, "\(key).\(p.key)", p.line, problem); continue }
            if let problem = NameRules.field(p.value) { r.fail(.invalidValue, "\(key).\(p.key)", p.line, problem); continue }
            result.append(FieldPair(profileField: p.key, salesforceField: p.value, line: p.line ?? 0))
        }
        return result
    }

    /// `send_X_to` and its field list come together.
    private static func pairUp(_ r: inout NodeReader, target: String, _ value: String?, list: String, _ listEmpty: Bool) {
        let targetLine = JobCommonKeys.line(of: target, in: r), listLine = JobCommonKeys.line(of: list, in: r)
        if value != nil, listEmpty, listLine == nil {
            r.fail(.missingKey, list, targetLine, "is required with \(target): list the profile fields to send.")
        } else if targetLine == nil, let listLine {
            r.fail(.missingKey, target, listLine, "is required with \(list): name the long-text field that receives them.")
        }
    }
}
