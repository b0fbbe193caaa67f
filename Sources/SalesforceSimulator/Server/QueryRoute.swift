import Foundation

/// `GET /query?q=`, `GET /queryAll?q=` and their `nextRecordsUrl` pages (§3.1, §3.2).
struct QueryRoute {
    static let defaultBatch = 2000

    let request: SimulatorRequest
    let session: SimulatorSession

    var base: String { "/services/data/v\(session.apiVersion)" }

    /// `Sforce-Query-Options: batchSize=N`, clamped to 200–2,000.
    static func batchSize(_ header: String?) -> Int? {
        guard let header else { return nil }
        for part in header.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == "batchsize", let n = Int(kv[1]) { return min(2000, max(200, n)) }
        }
        return nil
    }

    func run(includeDeleted: Bool) -> SimulatorResponse {
        guard let q = request.query["q"], !q.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .restError(400, "MALFORMED_QUERY", "A query string has to be specified")
        }
        if session.faults.queryTimeout() {
            return .restError(400, "QUERY_TIMEOUT", "Your query request was running for too long.")
        }
        let query: OrgQuery
        do {
            query = try session.org.query(q, includeDeleted: includeDeleted)
        } catch {
            return .restError(400, error.errorCode, error.message)
        }
        var w = JSONWriter(capacity: 64 * 1024)
        if query.isCount {
            RecordJSON.result(totalSize: query.totalSize, done: true, next: nil, rows: [], base: base, &w)
            return RecordJSON.response(w)
        }
        let batch = Self.batchSize(request.headers["sforce-query-options"]) ?? Self.defaultBatch
        return page(query, from: 0, batch: batch, locator: nil)
    }

    /// A page `<locator>-<offset>`.
    func more(_ token: String) -> SimulatorResponse {
        let invalid = SimulatorResponse.restError(400, "INVALID_QUERY_LOCATOR", "invalid query locator")
        guard let dash = token.lastIndex(of: "-"), let offset = Int(token[token.index(after: dash)...]), offset >= 0 else {
            return invalid
        }
        let locator = String(token[..<dash])
        guard let entry = session.org.cursors.get(locator), offset < entry.query.totalSize else { return invalid }
        let batch = Self.batchSize(request.headers["sforce-query-options"]) ?? entry.batchSize
        return page(entry.query, from: offset, batch: batch, locator: locator)
    }

    private func page(_ query: OrgQuery, from offset: Int, batch: Int, locator: String?) -> SimulatorResponse {
        let end = min(query.totalSize, offset + batch)
        let rows = query.page(offset..<end)
        var next: String?
        if end < query.totalSize {
            let id = locator ?? session.org.cursors.open(query, batchSize: batch)
            next = "\(base)/query/\(id)-\(end)"
        } else if let locator {
            session.org.cursors.close(locator)
        }
        var w = JSONWriter(capacity: 256 * rows.count + 256)
        RecordJSON.result(totalSize: query.totalSize, done: next == nil, next: next, rows: rows, base: base, &w)
        return RecordJSON.response(w)
    }
}
