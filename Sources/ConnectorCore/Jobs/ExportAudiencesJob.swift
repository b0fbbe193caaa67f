/// `kind: export_audiences`: the members of audiences upserted into a Salesforce object,
/// with their audience list, mapped profile fields and trigger fields.
public struct ExportAudiencesJob: Sendable, Hashable {
    public var name: String
    public var source: SourceLocation
    public var label: String
    public var description: String
    public var authorization: AuthorizationReference
    /// Audience names (`kind: audience` files' `name`), in file order, without duplicates.
    public var audiences: [String]
    /// The Salesforce object written to (`Lead`, `Contact`, `Subscription__c` …).
    public var object: String
    /// The Salesforce field that matches records: an External ID field → upsert by external
    /// id; another idLookup field (`Email`) → lookup then update or create; nil → create.
    /// It is always one of the mapped Salesforce fields.
    public var matchField: String?
    /// Create a record when the match field finds none (default true).
    public var createMissing: Bool
    /// The long-text field that receives the member's exported audiences, if any.
    public var sendAudiencesTo: String?
    /// Joins audience names in ``sendAudiencesTo`` (default `;`).
    public var audienceSeparator: String
    /// The long-text field that receives ``scoresFields`` serialized, if any.
    public var sendScoresTo: String?
    public var scoresFields: [String]
    /// The long-text field that receives ``contentAffinityFields`` serialized, if any.
    public var sendContentAffinityTo: String?
    public var contentAffinityFields: [String]
    /// Profile field → Salesforce field, for the object's required fields.
    public var requiredFields: [FieldPair]
    /// Profile field → Salesforce field, for any other fields.
    public var extraFields: [FieldPair]
    /// Profile fields whose change re-sends a member (at most ``maxTriggerFields``).
    public var triggerFields: [String]
    public var maxDailyAPICalls: Int?
    /// Records per sObject Collections request (1…200, default 200).
    public var batchSize: Int
    public var api: APIMode
    public var onDuplicate: DuplicatePolicy
    public var onConvertedLead: ConvertedLeadPolicy
    public var priority: JobPriority?

    /// Salesforce's and Lytics' limit on trigger fields.
    public static let maxTriggerFields = 75
    /// sObject Collections' limit on records per request.
    public static let maxBatchSize = 200

    public init(name: String, source: SourceLocation, label: String, description: String = "",
                authorization: AuthorizationReference, audiences: [String], object: String,
                matchField: String? = nil, createMissing: Bool = true, sendAudiencesTo: String? = nil,
                audienceSeparator: String = ";", sendScoresTo: String? = nil, scoresFields: [String] = [],
                sendContentAffinityTo: String? = nil, contentAffinityFields: [String] = [],
                requiredFields: [FieldPair] = [], extraFields: [FieldPair] = [], triggerFields: [String] = [],
                maxDailyAPICalls: Int? = nil, batchSize: Int = 200, api: APIMode = .auto,
                onDuplicate: DuplicatePolicy = .updateMatch, onConvertedLead: ConvertedLeadPolicy = .follow,
                priority: JobPriority? = nil) {
        self.name = name
        self.source = source
        self.label = label
        self.description = description
        self.authorization = authorization
        self.audiences = audiences
        self.object = object
        self.matchField = matchField
        self.createMissing = createMissing
        self.sendAudiencesTo = sendAudiencesTo
        self.audienceSeparator = audienceSeparator
        self.sendScoresTo = sendScoresTo
        self.scoresFields = scoresFields
        self.sendContentAffinityTo = sendContentAffinityTo
        self.contentAffinityFields = contentAffinityFields
        self.requiredFields = requiredFields
        self.extraFields = extraFields
        self.triggerFields = triggerFields
        self.maxDailyAPICalls = maxDailyAPICalls
        self.batchSize = batchSize
        self.api = api
        self.onDuplicate = onDuplicate
        self.onConvertedLead = onConvertedLead
        self.priority = priority
    }

    /// Required then extra field pairs.
    public var mappedFields: [FieldPair] { requiredFields + extraFields }

    /// The profile field whose value is sent in ``matchField``.
    public var matchProfileField: String? {
        guard let matchField else { return nil }
        return mappedFields.first { $0.salesforceField == matchField }?.profileField
    }
}

/// One `profile_field: SalesforceField` pair of an export, with its line for later reports.
public struct FieldPair: Sendable, Hashable {
    public var profileField: String
    public var salesforceField: String
    public var line: Int

    public init(profileField: String, salesforceField: String, line: Int = 0) {
        self.profileField = profileField
        self.salesforceField = salesforceField
        self.line = line
    }
}

/// What to do when Salesforce answers `DUPLICATES_DETECTED` (`on_duplicate:`).
public enum DuplicatePolicy: String, Sendable, Hashable, CaseIterable, Codable {
    /// Update the existing record the duplicate rule names (default).
    case updateMatch = "update_match"
    /// Save anyway (sends the duplicate rule header `allowSave`).
    case allowSave = "allow_save"
    /// Keep the record as rejected.
    case reject
}

/// What to do when Salesforce answers `CANNOT_UPDATE_CONVERTED_LEAD` (`on_converted_lead:`).
public enum ConvertedLeadPolicy: String, Sendable, Hashable, CaseIterable, Codable {
    /// Write to the contact the lead was converted into (default).
    case follow
    /// Keep the record as rejected.
    case reject
}
