import Foundation

/// `kind: import_custom_object`: the chosen fields of any object (`Subscription__c`) into a
/// named stream. `Id` and the timestamp field are always read, listed or not.
public struct CustomObjectImportJob: Sendable, Hashable {
    public var name: String
    public var source: SourceLocation
    public var label: String
    public var description: String
    public var authorization: AuthorizationReference
    public var maxDailyAPICalls: Int?
    /// The stream records land in.
    public var stream: String
    /// The Salesforce object's API name.
    public var object: String
    /// The fields to read (API names; dotted paths for parent fields).
    public var fields: [String]
    /// Default `SystemModstamp`.
    public var timestampField: String
    public var since: Date?
    /// Nil for a one-time import.
    public var schedule: Schedule?
    public var api: APIMode
    public var priority: JobPriority?
    public var mappings: [UserMapping]

    public init(name: String, source: SourceLocation, label: String, description: String = "",
                authorization: AuthorizationReference, maxDailyAPICalls: Int? = nil, stream: String,
                object: String, fields: [String], timestampField: String = "SystemModstamp",
                since: Date? = nil, schedule: Schedule? = nil, api: APIMode = .auto,
                priority: JobPriority? = nil, mappings: [UserMapping] = []) {
        self.name = name
        self.source = source
        self.label = label
        self.description = description
        self.authorization = authorization
        self.maxDailyAPICalls = maxDailyAPICalls
        self.stream = stream
        self.object = object
        self.fields = fields
        self.timestampField = timestampField
        self.since = since
        self.schedule = schedule
        self.api = api
        self.priority = priority
        self.mappings = mappings
    }

    public var keepUpdated: Bool { schedule != nil }
}
