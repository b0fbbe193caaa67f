import Foundation
import HTTPTransport

/// One Salesforce HTTP call before the client adds the host, the token and the retry loop.
struct RESTCall: Sendable {
    var method: String
    /// A path from the host (`/services/data/v62.0/query`, a `nextRecordsUrl`).
    var path: String
    /// The already percent-encoded query string, without `?`.
    var query: String?
    var headers: HTTPHeaders = [:]
    var body: Data?
    /// The object the call concerns, carried into errors.
    var sobject: String?
    /// Whether sending it twice is harmless. A non-idempotent call (a create) is not retried
    /// after a failure that may have reached Salesforce (a reset connection, a timeout).
    var idempotent: Bool = true
    /// Statuses outside 2xx that the caller handles itself (300 for an ambiguous upsert).
    var passStatuses: Set<Int> = []
    /// Bulk job the call belongs to, for error context.
    var jobID: String?

    init(method: String = "GET", path: String, query: String? = nil, sobject: String? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.sobject = sobject
    }

    /// A JSON body (Content-Type application/json).
    mutating func setJSON(_ data: Data) {
        body = data
        headers.set("Content-Type", "application/json")
    }

    func isAccepted(_ status: Int) -> Bool { (200..<300).contains(status) || passStatuses.contains(status) }
}

/// One REST error object (§2.2): `errorCode` (or `statusCode` per record), `message`, `fields`.
struct RESTErrorItem: Decodable, Sendable {
    var errorCode: String?
    var statusCode: String?
    var message: String?
    var fields: [String]?

    var code: String? { errorCode ?? statusCode }

    /// The first error of a REST error body: an array of error objects, or one object.
    static func first(in body: Data) -> RESTErrorItem? {
        let decoder = JSONDecoder()
        if let list = try? decoder.decode([RESTErrorItem].self, from: body), let first = list.first { return first }
        if let one = try? decoder.decode(RESTErrorItem.self, from: body), one.code != nil { return one }
        return nil
    }
}
