import ConnectorCore
import SalesforceAPI

/// How members are matched to existing Salesforce records.
public enum MatchStrategy: Sendable, Hashable {
    /// sObject Collections upsert by this External ID field.
    case upsertByExternalId(field: String)
    /// One batched `IN` lookup on this idLookup field per batch, then update matches, create the rest.
    case lookup(field: String)
    /// No match field: every member is created.
    case create
}

/// An export job checked against the object's describe: how it matches and what it writes.
public struct ExportPlan: Sendable, Hashable {
    public var object: String
    public var match: MatchStrategy
    public var createMissing: Bool
    /// Salesforce field → its describe length (0 when the type has none), for every field written.
    public var fieldLengths: [String: Int]

    /// Checks `job` against `description` and reports every problem at once.
    public static func make(job: ExportAudiencesJob, description: ObjectDescription) throws(ExportError) -> ExportPlan {
        var problems: [String] = []
        if !description.createable { problems.append("\(description.name) is not createable") }
        if !description.updateable { problems.append("\(description.name) is not updateable") }
        if job.triggerFields.count > ExportAudiencesJob.maxTriggerFields {
            problems.append("trigger_fields lists \(job.triggerFields.count) fields, at most "
                            + "\(ExportAudiencesJob.maxTriggerFields) are allowed")
        }
        var lengths: [String: Int] = [:]
        let written = job.mappedFields.map(\.salesforceField)
            + [job.sendAudiencesTo, job.sendScoresTo, job.sendContentAffinityTo].compactMap { $0 }
        for name in written {
            guard let field = description.field(name) else {
                problems.append("\(description.name).\(name) does not exist")
                continue
            }
            if !field.createable && !field.updateable || field.calculated {
                problems.append("\(description.name).\(field.name) is not writable")
            }
            lengths[field.name] = field.length
        }
        let mapped = Set(written.map { $0.lowercased() })
        let missing = description.fields.filter {
            !$0.nillable && $0.createable && !$0.defaultedOnCreate && !mapped.contains($0.name.lowercased())
        }
        for field in missing {
            problems.append("required field \(description.name).\(field.name) is not mapped in required_fields")
        }
        var match = MatchStrategy.create
        if let name = job.matchField {
            if let field = description.field(name) {
                if field.externalId { match = .upsertByExternalId(field: field.name) }
                else if field.idLookup { match = .lookup(field: field.name) }
                else { problems.append("match_field \(description.name).\(field.name) is neither an External ID nor an idLookup field") }
            }
        }
        guard problems.isEmpty else { throw .invalidJob(job: job.name, problems: problems) }
        return ExportPlan(object: description.name, match: match, createMissing: job.createMissing,
                          fieldLengths: lengths)
    }
}
