import ConnectorCore
import Foundation

/// Turns a profile's fields into the Salesforce field values an export sends.
public struct ExportRecordBuilder: Sendable {
    public var job: ExportAudiencesJob
    public var plan: ExportPlan

    public init(job: ExportAudiencesJob, plan: ExportPlan) {
        self.job = job
        self.plan = plan
    }

    /// One member's record: mapped fields (a missing or empty profile value is an explicit null,
    /// so a cleared value clears Salesforce), the audiences field, and the serialized score and
    /// content-affinity fields. `omitted` lists audience names that did not fit.
    public func record(fields: [String: JSONValue], audiences: some Sequence<String>)
        -> (payload: [String: JSONValue], omitted: [String]) {
        var payload: [String: JSONValue] = [:]
        for pair in job.mappedFields {
            let value = fields[pair.profileField] ?? .null
            payload[pair.salesforceField] = value.stringValue == "" ? .null : value
        }
        var omitted: [String] = []
        if let target = job.sendAudiencesTo {
            let value = AudienceFieldValue(memberOf: audiences, exported: job.audiences,
                                           separator: job.audienceSeparator, maxLength: length(target))
            payload[target] = value.text.isEmpty ? .null : .string(value.text)
            omitted = value.omitted
        }
        if let target = job.sendScoresTo { payload[target] = serialized(job.scoresFields, fields, length(target)) }
        if let target = job.sendContentAffinityTo {
            payload[target] = serialized(job.contentAffinityFields, fields, length(target))
        }
        return (payload, omitted)
    }

    /// A stable hash of the trigger-field values: a member is re-sent when it changes.
    public func triggerHash(fields: [String: JSONValue]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for name in job.triggerFields {
            let text = name + "=" + canonical(fields[name] ?? .null) + "\u{1F}"
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        return String(hash, radix: 16)
    }

    private func length(_ field: String) -> Int {
        plan.fieldLengths.first { $0.key.caseInsensitiveCompare(field) == .orderedSame }?.value ?? 0
    }

    /// `name=value` lines in the listed order, dropping whole lines that would exceed `limit`
    /// (UTF-16 code units, as Salesforce counts a field's length).
    private func serialized(_ names: [String], _ fields: [String: JSONValue], _ limit: Int) -> JSONValue {
        var text = ""
        for name in names {
            guard let value = fields[name], !value.isNull else { continue }
            let line = name + "=" + (value.stringValue ?? canonical(value))
            let next = text.isEmpty ? line : text + "\n" + line
            if limit <= 0 || next.utf16.count <= limit { text = next }
        }
        return text.isEmpty ? .null : .string(text)
    }

    private func canonical(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
    }
}
