import ConnectorCore
import Foundation
import Yams

/// Keys shared by the job kinds that call Salesforce.
enum JobCommonKeys {
    /// `label`, `description`, `max_daily_api_calls`, `api` and `priority`.
    struct Basics {
        var label: String
        var description: String
        var maxDailyAPICalls: Int?
        var api: APIMode
        var priority: JobPriority?
    }

    static func basics(_ r: inout NodeReader, _ job: JobContext) -> Basics {
        let label = r.text("label")?.value ?? job.name
        let description = r.string("description", required: false) ?? ""
        let calls = r.integer("max_daily_api_calls", in: 1...Int(Int32.max),
                              rangeHint: "give the most Salesforce calls this job may make in 24 hours (at least 1)")
        let api = r.choice("api", "an API mode", as: APIMode.self) ?? .auto
        let priority = r.choice("priority", "a priority", as: JobPriority.self)
        return Basics(label: label, description: description, maxDailyAPICalls: calls, api: api, priority: priority)
    }

    /// `authorization:` a name, or an inline mapping kept for the authorization loader.
    static func authorization(_ r: inout NodeReader) -> AuthorizationReference? {
        guard let v = r.value("authorization"), !NodeReader.isNull(v) else {
            r.fail(.missingKey, "authorization", r.line,
                   "is required: name an authorization (a file of the authorizations folder) or write one inline.")
            return nil
        }
        if v.scalar != nil, let name = v.string {
            guard !name.isEmpty, name.allSatisfy(NameRules.isNameCharacter) else {
                r.fail(.invalidValue, "authorization", v.mark?.line,
                       "'\(name)' is not an authorization name (letters, digits, '_', '-' and '.').")
                return nil
            }
            return .named(name)
        }
        guard let map = v.mapping else {
            r.fail(.wrongType, "authorization", v.mark?.line, "must be the name of an authorization or a mapping of its keys.")
            return nil
        }
        var entries: [InlineAuthorization.Entry] = []
        for (k, val) in map {
            guard let key = k.string else { continue }
            let line = val.mark?.line ?? k.mark?.line ?? 0
            if val.scalar != nil, let s = val.string {
                entries.append(.init(key: key, value: s, line: line))
            } else {
                let text = (try? Yams.serialize(node: val)) ?? ""
                entries.append(.init(key: key, value: text, line: line, isScalar: false))
            }
        }
        let line = map.first?.key.mark?.line ?? v.mark?.line ?? r.line ?? 1
        return .inline(InlineAuthorization(source: SourceLocation(file: r.file, line: line),
                                           keyPath: r.keyPath("authorization"), entries: entries))
    }

    /// `since:` a date or date-time, not after `now`.
    static func since(_ r: inout NodeReader, _ job: JobContext) -> Date? {
        guard let (text, line) = r.text("since") else { return nil }
        guard let date = SinceDate.parse(text) else {
            r.fail(.invalidValue, "since", line,
                   "'\(text)' is not a date or date-time; use 2024-01-31 or 2024-01-31T08:00:00Z.")
            return nil
        }
        guard date <= job.now else {
            r.fail(.invalidValue, "since", line,
                   "'\(text)' is in the future; use a date at or before now (\(SinceDate.format(job.now))).")
            return nil
        }
        return date
    }

    /// `timestamp_field:` default `SystemModstamp`.
    static func timestampField(_ r: inout NodeReader) -> String {
        guard let (name, line) = r.text("timestamp_field") else { return "SystemModstamp" }
        if let problem = NameRules.field(name) {
            r.fail(.invalidValue, "timestamp_field", line, problem)
            return "SystemModstamp"
        }
        return name
    }

    /// `mappings:` user mapping files, loaded; each must map one of `objects`.
    static func mappings(_ r: inout NodeReader, _ job: inout JobContext, objects: [String]) -> [UserMapping] {
        guard r.list("mappings", of: "mapping files") != nil, let seq = r.value("mappings")?.sequence else { return [] }
        var result: [UserMapping] = [], done = Set<String>()
        for (i, item) in seq.enumerated() {
            guard item.scalar != nil, let path = item.string, !path.isEmpty, done.insert(path).inserted else { continue }
            let key = "mappings[\(i)]", line = item.mark?.line
            let resolved = job.resolve(path)
            guard FileManager.default.fileExists(atPath: resolved) else {
                r.fail(.invalidValue, key, line, "'\(path)' does not exist (looked for \(resolved)).")
                continue
            }
            do {
                let mapping = try MappingLoader.load(file: resolved)
                if !objects.contains(mapping.object) {
                    r.fail(.invalidValue, key, line,
                           "'\(path)' maps \(mapping.object), which this job does not import (it imports \(objects.joined(separator: ", "))).")
                    continue
                }
                result.append(UserMapping(file: resolved, mapping: mapping))
            } catch let e as DefinitionErrors {
                job.errors += e.errors
            } catch {
                r.fail(.invalidValue, key, line, "'\(path)' cannot be loaded: \(error).")
            }
        }
        return result
    }

    /// The line of a key that is present, whatever its value.
    static func line(of key: String, in r: NodeReader) -> Int? {
        guard let mapping = r.node.mapping else { return nil }
        for (k, _) in mapping where k.string == key { return k.mark?.line }
        return nil
    }
}
