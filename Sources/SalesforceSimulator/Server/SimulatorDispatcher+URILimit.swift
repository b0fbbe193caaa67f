import Foundation

extension SimulatorDispatcher {
    /// The page Salesforce's front end (Jetty) sends for a request target over its limit.
    static let uriTooLongPage = "<h1>Bad Message 414</h1><pre>reason: URI Too Long</pre>"

    /// Salesforce refuses a request target (path and query) longer than 16,384 bytes with HTTP 414
    /// and an HTML page, not the REST error array, before authentication: it is not an API call
    /// and has no `Sforce-Limit-Info`. The admin counters record it as `414 GET <endpoint>`.
    /// - Returns: the 414 answer, or nil when the target fits ``SimulatorConfiguration/maxURILength``.
    func uriTooLong(method: String, path: String, length: Int) -> SimulatorResponse? {
        guard length > configuration.maxURILength else { return nil }
        state.recordEndpoint("414 \(method) \(endpointKey(path))")
        return SimulatorResponse(status: 414, headers: ["Content-Type": "text/html;charset=iso-8859-1"],
                                 body: Data(Self.uriTooLongPage.utf8))
    }
}
