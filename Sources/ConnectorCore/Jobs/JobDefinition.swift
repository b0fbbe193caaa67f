/// One job file of `jobs/`, validated into a domain value (schema: jobs/README.md).
///
/// Job files are loaded by `Definitions.JobLoader`; the engines receive these values and never
/// read YAML. Checks that need the org (does the field exist, is the object updateable) happen
/// when a job runs, not here.
public enum JobDefinition: Sendable, Hashable {
    /// `kind: import`: Leads, Contacts, Accounts and Opportunities into their default streams.
    case importObjects(ImportJob)
    /// `kind: import_custom_object`: one object's chosen fields into a named stream.
    case importCustomObject(CustomObjectImportJob)
    /// `kind: audience`: a named set of profiles.
    case audience(AudienceDefinition)
    /// `kind: export_audiences`: audiences upserted into a Salesforce object.
    case exportAudiences(ExportAudiencesJob)

    /// The kind the file declares.
    public var kind: JobKind {
        switch self {
        case .importObjects: return .importObjects
        case .importCustomObject: return .importCustomObject
        case .audience: return .audience
        case .exportAudiences: return .exportAudiences
        }
    }

    /// Where the definition came from.
    public var source: SourceLocation {
        switch self {
        case .importObjects(let j): return j.source
        case .importCustomObject(let j): return j.source
        case .audience(let a): return a.source
        case .exportAudiences(let j): return j.source
        }
    }

    /// The job's stable name: its file name without `.yaml` (`import-standard`). Stores,
    /// ledgers and `sfconnect run` refer to a job by this name. (An audience's own name,
    /// used in exports, is ``AudienceDefinition/name``.)
    public var name: String {
        switch self {
        case .importObjects(let j): return j.name
        case .importCustomObject(let j): return j.name
        case .audience(let a): return a.fileName
        case .exportAudiences(let j): return j.name
        }
    }

    /// The authorization the job calls Salesforce with; nil for audiences.
    public var authorization: AuthorizationReference? {
        switch self {
        case .importObjects(let j): return j.authorization
        case .importCustomObject(let j): return j.authorization
        case .audience: return nil
        case .exportAudiences(let j): return j.authorization
        }
    }

    /// The job's own cap on Salesforce calls per rolling 24 hours; nil leaves it to the org budget.
    public var maxDailyAPICalls: Int? {
        switch self {
        case .importObjects(let j): return j.maxDailyAPICalls
        case .importCustomObject(let j): return j.maxDailyAPICalls
        case .audience: return nil
        case .exportAudiences(let j): return j.maxDailyAPICalls
        }
    }
}

/// The `kind:` values of job files.
public enum JobKind: String, Sendable, Hashable, CaseIterable, Codable {
    case importObjects = "import"
    case importCustomObject = "import_custom_object"
    case audience
    case exportAudiences = "export_audiences"
}

/// A file and line a definition (or one of its keys) came from, for later error reports.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`.
    public var description: String { "\(file):\(line)" }
}
