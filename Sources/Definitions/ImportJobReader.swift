import ConnectorCore
import Foundation

/// Reads `kind: import` (keys: jobs/README.md).
enum ImportJobReader {
    static func read(_ r: inout NodeReader, _ job: inout JobContext) -> ImportJob? {
        let basics = JobCommonKeys.basics(&r, job)
        let authorization = JobCommonKeys.authorization(&r)
        var objects: [StandardObject: ObjectImportSettings] = [:]
        var toggledOff: [StandardObject] = []
        for object in StandardObject.allCases {
            let enabled = r.bool(object.toggleKey) ?? true
            let settings = section(object, &r, &job)
            if enabled { objects[object] = settings ?? ObjectImportSettings() } else { toggledOff.append(object) }
        }
        if objects.isEmpty {
            let line = JobCommonKeys.line(of: StandardObject.allCases.last!.toggleKey, in: r)
            r.fail(.invalidValue, StandardObject.allCases.last!.toggleKey, line,
                   "switches off the last object; the job would import nothing (set one of import_leads, import_contacts, import_accounts, import_opportunities to true).")
        }
        let schedule = JobScheduleKeys.read(&r, defaultFrequency: .hourly)
        let imported = StandardObject.allCases.filter { objects[$0] != nil }.map(\.sobject)
        let mappings = JobCommonKeys.mappings(&r, &job, objects: imported)
        guard let authorization else { return nil }
        return ImportJob(name: job.name, source: SourceLocation(file: job.file, line: r.line ?? 1),
                         label: basics.label, description: basics.description, authorization: authorization,
                         maxDailyAPICalls: basics.maxDailyAPICalls, objects: objects, schedule: schedule,
                         api: basics.api, priority: basics.priority, mappings: mappings)
    }

    /// `leads:` (and the other three): `additional_fields`, `timestamp_field`, `since`.
    private static func section(_ object: StandardObject, _ r: inout NodeReader, _ job: inout JobContext) -> ObjectImportSettings? {
        guard let node = r.value(object.rawValue), !NodeReader.isNull(node) else { return nil }
        guard node.mapping != nil else {
            r.fail(.wrongType, object.rawValue, node.mark?.line,
                   "must be a mapping with additional_fields, timestamp_field and since.")
            return nil
        }
        var s = NodeReader(file: job.file, path: r.keyPath(object.rawValue), node: node)
        let fields = s.list("additional_fields", of: "field names", check: NameRules.fieldPath)?.items ?? []
        let timestamp = JobCommonKeys.timestampField(&s)
        let since = JobCommonKeys.since(&s, job)
        s.rejectUnknownKeys()
        job.errors += s.errors
        return ObjectImportSettings(additionalFields: fields, timestampField: timestamp, since: since)
    }
}
