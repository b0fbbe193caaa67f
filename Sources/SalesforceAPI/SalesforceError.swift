import ConnectorCore
import Foundation

/// A failure reported by Salesforce (a REST error body, an OAuth error, a per-record result)
/// or met on the way to it. Carries Salesforce's own code and message, the object and the
/// request id, and a sentence that says what to do.
public struct SalesforceError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public static let sessionExpired = Kind(name: "sessionExpired")
        public static let requestLimitExceeded = Kind(name: "requestLimitExceeded")
        public static let transient = Kind(name: "transient")
        public static let configuration = Kind(name: "configuration")
        public static let permission = Kind(name: "permission")
        public static let recordRejected = Kind(name: "recordRejected")
        public static let notFound = Kind(name: "notFound")
        public static let server = Kind(name: "server")
        public static let transport = Kind(name: "transport")
        /// An upsert by external id matched more than one record (HTTP 300).
        public static let ambiguousMatch = Kind(name: "ambiguousMatch")
        /// Salesforce answered with a body the client cannot read.
        public static let malformedResponse = Kind(name: "malformedResponse")
        /// The client refused to send a request that cannot work (too long, too many records).
        public static let invalidRequest = Kind(name: "invalidRequest")
        /// Salesforce refused the request line or headers as too long (HTTP 414 or 431).
        public static let requestTooLong = Kind(name: "requestTooLong")
        /// A Bulk API 2.0 job ended `Failed` or `Aborted`, or did not finish in time.
        public static let bulkJobFailed = Kind(name: "bulkJobFailed")
        public var description: String { name }
    }

    public let kind: Kind
    /// Salesforce's code, e.g. `INVALID_SESSION_ID` (`errorCode` in REST, `statusCode` per record).
    public let errorCode: String?
    public let httpStatus: Int?
    /// Salesforce's own message (never holds secrets: auth bodies are not kept).
    public let message: String?
    public let sobject: String?
    public let requestID: String?
    /// The fields Salesforce named (`fields` of the error body), e.g. `["LastName"]`.
    public let fields: [String]
    /// The Bulk job the error belongs to, when there is one.
    public let jobID: String?

    public init(kind: Kind, errorCode: String? = nil, httpStatus: Int? = nil, message: String? = nil,
                sobject: String? = nil, requestID: String? = nil, fields: [String] = [], jobID: String? = nil) {
        self.kind = kind
        self.errorCode = errorCode
        self.httpStatus = httpStatus
        self.message = message
        self.sobject = sobject
        self.requestID = requestID
        self.fields = fields
        self.jobID = jobID
    }

    /// Builds the error for a REST response, classifying it with the table.
    public static func rest(status: Int, errorCode: String?, message: String?, sobject: String? = nil,
                            requestID: String? = nil, fields: [String] = []) -> SalesforceError {
        SalesforceError(kind: ErrorTable.kind(status: status, errorCode: errorCode), errorCode: errorCode,
                        httpStatus: status, message: message, sobject: sobject, requestID: requestID,
                        fields: fields)
    }

    /// What to do next, from the one table.
    public var disposition: Disposition { ErrorTable.disposition(self, attempt: 0) }

    public var sentence: String {
        switch kind {
        case .sessionExpired: return "The Salesforce session expired; sfconnect logs in again and retries once."
        case .requestLimitExceeded: return "The org's daily API request limit is spent; the job pauses with its checkpoint saved and resumes when calls age out of the 24-hour window."
        case .transient: return "Salesforce is busy or a record is locked; sfconnect retries with backoff."
        case .configuration: return "The job names a field or object this org does not have (or a malformed query); fix the job's fields against describe and run it again."
        case .permission: return "The integration user lacks permission for this object or field; grant it in Salesforce (profile or permission set) and run again."
        case .recordRejected: return "Salesforce rejected this record; it is kept as rejected with Salesforce's message."
        case .notFound: return "The record or resource does not exist in Salesforce; check the id or the object name."
        case .transport: return "Salesforce could not be reached; sfconnect retries, then check the network."
        case .ambiguousMatch: return "The external id matches more than one Salesforce record, so nothing was written; make the external id unique in Salesforce (mark the field Unique) and send the record again."
        case .malformedResponse: return "Salesforce answered with a body sfconnect cannot read; retry, and report it if it persists."
        case .invalidRequest: return "sfconnect refused to send a request that cannot succeed; change the job as the detail says."
        case .requestTooLong: return "Salesforce refused the request as too long (HTTP 414/431); select fewer or shorter fields or shorten the WHERE clause so the query fits a GET."
        case .bulkJobFailed: return "A Bulk API 2.0 job did not complete; check the job in Salesforce Setup (Bulk Data Load Jobs) and run again."
        default: return "Salesforce failed the request; retry later, and contact Salesforce support if it persists."
        }
    }

    public var description: String {
        var parts = [sentence]
        if let errorCode {
            let said = "Salesforce said \(errorCode)" + (message.map { ": \($0)" } ?? "")
            parts.append(said.hasSuffix(".") ? said : said + ".")
        } else if let message {
            parts.append(message.hasSuffix(".") ? message : message + ".")
        }
        if let sobject { parts.append("Object: \(sobject).") }
        if !fields.isEmpty { parts.append("Fields: \(fields.joined(separator: ", ")).") }
        if let jobID { parts.append("Bulk job: \(jobID).") }
        if let requestID { parts.append("[request \(requestID)]") }
        return parts.joined(separator: " ")
    }
    public var errorDescription: String? { description }
}
