import Foundation

/// The import engine's one error type: a kind, the context that helps (job, object, field,
/// stream) and one sentence that says what to do.
public struct ImportError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        let name: String
        /// A field the job names explicitly (additional field, custom-object field, user mapping row)
        /// does not exist on the object in this org.
        public static let unknownField = Kind(name: "unknownField")
        /// The job file is not an import (`kind: import` or `kind: import_custom_object`).
        public static let notAnImportJob = Kind(name: "notAnImportJob")
        /// The timestamp field is missing or is not a datetime field.
        public static let badTimestampField = Kind(name: "badTimestampField")
        /// The source returned rows out of `(timestamp, Id)` order or outside the window.
        public static let outOfOrder = Kind(name: "outOfOrder")
        /// A row lacks its `Id` or timestamp value.
        public static let missingKey = Kind(name: "missingKey")
        /// The job's API budget is spent; the import paused at its checkpoint.
        public static let budgetPaused = Kind(name: "budgetPaused")
        /// The source (Salesforce) failed.
        public static let source = Kind(name: "source")
        /// The store failed to write a page.
        public static let sink = Kind(name: "sink")
        /// The SOQL could not be built.
        public static let query = Kind(name: "query")
        /// `max_daily_api_calls` is below what one run spends before it can store a page.
        public static let allotmentTooSmall = Kind(name: "allotmentTooSmall")
        /// Salesforce refused the read as configuration (an unknown field or object, no permission).
        public static let refusedBySalesforce = Kind(name: "refusedBySalesforce")
        public var description: String { name }
    }

    public let kind: Kind
    public let object: String?
    public let field: String?
    public let job: String?
    /// When a budget pause may resume.
    public let resumeAt: Date?
    /// The sentence for the user.
    public let sentence: String
    /// Underlying detail (the source's or sink's own message); never holds secrets.
    public let detail: String?

    public init(_ kind: Kind, object: String? = nil, field: String? = nil, job: String? = nil,
                resumeAt: Date? = nil, detail: String? = nil, _ sentence: String) {
        self.kind = kind
        self.object = object
        self.field = field
        self.job = job
        self.resumeAt = resumeAt
        self.detail = detail
        self.sentence = sentence
    }

    /// A copy that names the job.
    public func naming(job: String) -> ImportError {
        ImportError(kind, object: object, field: field, job: job, resumeAt: resumeAt, detail: detail, sentence)
    }

    public var description: String {
        var s = job.map { "Job \($0): " } ?? ""
        s += sentence
        if let detail, !detail.isEmpty { s += " (" + detail + ")" }
        return s
    }
    public var errorDescription: String? { description }

    /// Whether retrying cannot help until the job, the mapping or the org changes (exit 78): as
    /// opposed to an outage, a store failure or rows out of order.
    public var isConfiguration: Bool {
        [.unknownField, .notAnImportJob, .badTimestampField, .query, .allotmentTooSmall, .refusedBySalesforce].contains(kind)
    }
}
