import ConnectorCore
import Foundation

/// Reads `kind: import_custom_object` (keys: jobs/README.md).
enum CustomObjectJobReader {
    static func read(_ r: inout NodeReader, _ job: inout JobContext) -> CustomObjectImportJob? {
        let basics = JobCommonKeys.basics(&r, job)
        let authorization = JobCommonKeys.authorization(&r)
        var stream: String?
        if let (s, line) = r.text("stream", required: true, hint: "name the stream records land in (e.g. salesforce_subscriptions).") {
            if let problem = NameRules.stream(s) { r.fail(.invalidValue, "stream", line, problem) } else { stream = s }
        }
        var object: String?
        if let (o, line) = r.text("object", required: true, hint: "name the Salesforce object (e.g. Subscription__c).") {
            if let problem = NameRules.object(o) { r.fail(.invalidValue, "object", line, problem) } else { object = o }
        }
        let fields = r.list("fields", of: "field names", check: NameRules.fieldPath)
        if fields == nil, !r.errors.contains(where: { $0.key == r.keyPath("fields") }) {
            r.fail(.missingKey, "fields", r.line, "is required: list the fields to import.")
        } else if let fields, fields.items.isEmpty, !r.errors.contains(where: { $0.key.hasPrefix(r.keyPath("fields[")) }) {
            r.fail(.invalidValue, "fields", fields.line, "must list at least one field.")
        }
        let timestamp = JobCommonKeys.timestampField(&r)
        let since = JobCommonKeys.since(&r, job)
        let schedule = JobScheduleKeys.read(&r, defaultFrequency: .daily)
        let mappings = JobCommonKeys.mappings(&r, &job, objects: object.map { [$0] } ?? [])
        guard let authorization, let stream, let object, let fields else { return nil }
        return CustomObjectImportJob(
            name: job.name, source: SourceLocation(file: job.file, line: r.line ?? 1), label: basics.label,
            description: basics.description, authorization: authorization, maxDailyAPICalls: basics.maxDailyAPICalls,
            stream: stream, object: object, fields: fields.items, timestampField: timestamp, since: since,
            schedule: schedule, api: basics.api, priority: basics.priority, mappings: mappings)
    }
}
