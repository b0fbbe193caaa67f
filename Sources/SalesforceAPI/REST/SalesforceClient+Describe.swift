import ConnectorCore
import Foundation
import HTTPTransport

extension SalesforceClient {
    /// `GET /sobjects`: the org's objects, fetched once per client.
    /// - Throws: ``SalesforceError``.
    public func describeGlobal() async throws -> GlobalDescription {
        try await describeCache.global {
            try await self.decode(GlobalDescription.self, from: RESTCall(path: self.dataPath + "/sobjects/"))
        }
    }

    /// `GET /sobjects/{object}/describe`, fetched once per object per client (concurrent
    /// callers share one call).
    /// - Throws: ``SalesforceError``: `INVALID_TYPE`/`NOT_FOUND` for an object the org lacks
    ///   (disposition `failConfiguration`).
    public func describe(_ object: String) async throws -> ObjectDescription {
        let name = try Self.validName(object)
        return try await describeCache.object(name) {
            try await self.decode(ObjectDescription.self,
                                  from: RESTCall(path: self.dataPath + "/sobjects/\(name)/describe", sobject: name))
        }
    }

    /// Forgets cached describe results (e.g. after fields were added in Salesforce).
    public func clearDescribeCache() async { await describeCache.clear() }

    /// Sends `call` and decodes its JSON body.
    func decode<T: Decodable>(_ type: T.Type, from call: RESTCall) async throws -> T {
        let response = try await send(call)
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            throw SalesforceError(kind: .malformedResponse, httpStatus: response.status,
                                  message: "\(T.self) could not be read: \(error)", sobject: call.sobject,
                                  requestID: response.requestID)
        }
    }

    /// Checks an object or field API name before it goes into a URL path.
    static func validName(_ name: String, sobject: String? = nil) throws -> String {
        guard !name.contains(".") else {
            throw SalesforceError(kind: .invalidRequest,
                                  message: "'\(name)' is a relationship path, not an object or field API name; name the object or field itself.",
                                  sobject: sobject ?? name)
        }
        do { return try SOQLName.validate(name) } catch let e as SOQLBuildError {
            throw SalesforceError(kind: .invalidRequest, message: e.description, sobject: sobject ?? name)
        }
    }
}
