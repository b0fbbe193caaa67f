import Foundation

/// `kind: import`: Leads, Contacts, Accounts and Opportunities into the default streams
/// (`salesforce_leads`, `salesforce_contacts`, `salesforce_accounts`, `salesforce_opportunities`).
public struct ImportJob: Sendable, Hashable {
    public var name: String
    public var source: SourceLocation
    /// `label`, default the job name.
    public var label: String
    public var description: String
    public var authorization: AuthorizationReference
    /// `max_daily_api_calls`; nil: only the org budget limits the job.
    public var maxDailyAPICalls: Int?
    /// Per object settings; an object whose `import_*` toggle is false is absent.
    public var objects: [StandardObject: ObjectImportSettings]
    /// Nil for a one-time import (`keep_updated: false`, the default).
    public var schedule: Schedule?
    public var api: APIMode
    public var priority: JobPriority?
    /// User mapping files (`mappings:`), resolved against the job file's folder, with their rows.
    public var mappings: [UserMapping]

    public init(name: String, source: SourceLocation, label: String, description: String = "",
                authorization: AuthorizationReference, maxDailyAPICalls: Int? = nil,
                objects: [StandardObject: ObjectImportSettings], schedule: Schedule? = nil,
                api: APIMode = .auto, priority: JobPriority? = nil, mappings: [UserMapping] = []) {
        self.name = name
        self.source = source
        self.label = label
        self.description = description
        self.authorization = authorization
        self.maxDailyAPICalls = maxDailyAPICalls
        self.objects = objects
        self.schedule = schedule
        self.api = api
        self.priority = priority
        self.mappings = mappings
    }

    /// True when the job runs again on its schedule.
    public var keepUpdated: Bool { schedule != nil }

    /// The imported objects in a fixed order (leads, contacts, accounts, opportunities).
    public var importedObjects: [StandardObject] { StandardObject.allCases.filter { objects[$0] != nil } }
}

/// The four objects of `kind: import`, by their job-file section name.
public enum StandardObject: String, Sendable, Hashable, CaseIterable, Codable {
    case leads, contacts, accounts, opportunities

    /// The Salesforce API name (`Lead`).
    public var sobject: String {
        switch self {
        case .leads: return "Lead"
        case .contacts: return "Contact"
        case .accounts: return "Account"
        case .opportunities: return "Opportunity"
        }
    }

    /// The default stream (`salesforce_leads`).
    public var stream: String { "salesforce_\(rawValue)" }

    /// The toggle key (`import_leads`).
    public var toggleKey: String { "import_\(rawValue)" }
}

/// The settings of one object of an import (`leads:`, `contacts:` …).
public struct ObjectImportSettings: Sendable, Hashable {
    /// Fields read beyond the default mapping (API names, dotted paths for parents).
    public var additionalFields: [String]
    /// The datetime field that orders and bounds incremental reads; default `SystemModstamp`.
    public var timestampField: String
    /// Oldest record version to import (by the timestamp field); nil: everything.
    public var since: Date?

    public init(additionalFields: [String] = [], timestampField: String = "SystemModstamp", since: Date? = nil) {
        self.additionalFields = additionalFields
        self.timestampField = timestampField
        self.since = since
    }
}

/// A user mapping file named by a job (`mappings:`), loaded.
public struct UserMapping: Sendable, Hashable {
    /// The path as resolved against the job file's folder.
    public var file: String
    public var mapping: ObjectMapping

    public init(file: String, mapping: ObjectMapping) {
        self.file = file
        self.mapping = mapping
    }
}
