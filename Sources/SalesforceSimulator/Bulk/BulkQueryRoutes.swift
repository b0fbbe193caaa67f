import Foundation

/// Bulk API 2.0 query jobs (§7.1): `POST /jobs/query`, `GET /jobs/query[/{id}]`, `PATCH` (abort),
/// `DELETE`, and `GET /jobs/query/{id}/results?maxRecords=&locator=` (CSV in SELECT order).
/// The SOQL is checked when the job is created (the REST query errors); it completes after the
/// registry's completion policy (polls and/or delay).
struct BulkQueryRoutes: SimulatorRouteProvider {
    let shared: WriteShared

    func handle(_ request: SimulatorRequest, session: SimulatorSession) async throws -> SimulatorResponse? {
        try BulkQueryHandler(services: shared.services(session), jobs: shared.jobs).handle(request, session: session)
    }
}

/// One request's view of ``BulkQueryRoutes``.
struct BulkQueryHandler {
    let services: WriteServices
    let jobs: BulkJobRegistry

    func handle(_ request: SimulatorRequest, session: SimulatorSession) throws -> SimulatorResponse? {
        let seg = resourceSegments(session.resourcePath)
        guard seg.count >= 2, seg[0] == "jobs", seg[1] == "query" else { return nil }
        do {
            switch (request.method, seg.count) {
            case ("POST", 2): return try create(request, session)
            case ("GET", 2):
                return .json(200, BulkJobInfo.list(jobs.allQueries().map {
                    BulkJobInfo.query($0, userId: services.store.integrationUserId) }))
            case ("GET", 3): return try info(seg[2], now: session.now)
            case ("PATCH", 3): return try patch(seg[2], request, now: session.now)
            case ("DELETE", 3): return jobs.removeQuery(seg[2]) ? SimulatorResponse(status: 204) : .bulkError(.notFound)
            case ("GET", 4) where seg[3] == "results": return try results(seg[2], request, session)
            default: return nil
            }
        } catch let e as BulkAPIError {
            return .bulkError(e)
        }
    }

    private func create(_ r: SimulatorRequest, _ s: SimulatorSession) throws -> SimulatorResponse {
        guard let body = WriteJSON.parse(r.body)?.objectValue else {
            throw BulkAPIError(status: 400, errorCode: "JSON_PARSER_ERROR", message: "The request body is not a JSON object")
        }
        let operation = body["operation"]?.stringValue ?? ""
        guard operation == "query" || operation == "queryAll" else {
            throw BulkAPIError(status: 400, errorCode: "INVALIDJOB", message:
                "Invalid operation: '\(operation)'. A query job's operation is query or queryAll")
        }
        guard let soql = body["query"]?.stringValue, !soql.isEmpty else {
            throw BulkAPIError(status: 400, errorCode: "INVALIDJOB", message: "A query job needs a query")
        }
        if let ct = body["contentType"]?.stringValue, ct != "CSV" {
            throw BulkAPIError(status: 400, errorCode: "INVALIDJOB", message: "Invalid contentType: \(ct). Use CSV")
        }
        let format = try BulkCSVFormat(delimiter: body["columnDelimiter"]?.stringValue,
                                       lineEnding: body["lineEnding"]?.stringValue)
        let ast: SelectQuery
        let prepared: OrgQuery
        do {
            ast = try SOQLParser.parse(soql)
            prepared = try services.store.query(soql, includeDeleted: operation == "queryAll")
        } catch {
            throw BulkAPIError(status: 400, errorCode: error.errorCode, message: error.message)
        }
        try Self.checkBulkSupported(ast)
        let (id, policy, failure) = jobs.nextJob()
        let job = BulkQueryJob(id: id, operation: operation, object: prepared.object, query: soql,
                               apiVersion: s.apiVersion, format: format, createdDate: s.now, systemModstamp: s.now,
                               machine: BulkProcessingMachine(state: .uploadComplete, queuedAt: s.now,
                                                              policy: policy, failure: failure),
                               result: prepared, columns: Self.columns(ast, object: prepared.object, services.store.schema))
        jobs.add(job)
        return .json(200, BulkJobInfo.query(job, userId: services.store.integrationUserId))
    }

    /// Bulk query refuses `COUNT()` and parent→child subqueries.
    static func checkBulkSupported(_ ast: SelectQuery) throws(BulkAPIError) {
        for item in ast.items {
            switch item {
            case .count:
                throw BulkAPIError(status: 400, errorCode: "INVALIDJOB", message:
                    "Aggregate queries such as COUNT() are not supported by Bulk API 2.0 query jobs")
            case .subquery:
                throw BulkAPIError(status: 400, errorCode: "INVALIDJOB", message:
                    "Parent-to-child subqueries are not supported by Bulk API 2.0 query jobs")
            case .field: continue
            }
        }
    }

    /// Canonical header names for the SELECT list, following relationships through the schema.
    static func columns(_ ast: SelectQuery, object: String, _ schema: OrgSchema) -> [String] {
        ast.items.compactMap { item -> String? in
            guard case .field(let path) = item else { return nil }
            var current = object
            var names: [String] = []
            for (i, part) in path.parts.enumerated() {
                if i == path.parts.count - 1 {
                    names.append(schema.object(current)?.field(part)?.name ?? part)
                } else if let rel = schema.parentRelationship(of: current, named: part) {
                    names.append(rel.name)
                    current = rel.object
                } else {
                    names.append(part)
                }
            }
            return names.joined(separator: ".")
        }
    }

    private func info(_ id: String, now: Date) throws(BulkAPIError) -> SimulatorResponse {
        guard let info = jobs.withQuery(id, { job -> [String: Any] in
            if case .run(let failure) = job.machine.observe(now: now) {
                job.systemModstamp = now
                job.errorMessage = failure?.errorMessage
            }
            return BulkJobInfo.query(job, userId: services.store.integrationUserId)
        }) else { throw .notFound }
        return .json(200, info)
    }

    private func patch(_ id: String, _ r: SimulatorRequest, now: Date) throws(BulkAPIError) -> SimulatorResponse {
        let state = WriteJSON.parse(r.body)?.objectValue?["state"]?.stringValue
        guard state == "Aborted" else {
            throw BulkAPIError(status: 400, errorCode: "INVALIDJOBSTATE", message:
                "A query job can only be set to Aborted, not \(state ?? "nothing")")
        }
        let outcome = jobs.withQuery(id) { job -> Result<[String: Any], BulkAPIError> in
            do throws(BulkAPIError) {
                try job.machine.abort()
                job.systemModstamp = now
                return .success(BulkJobInfo.query(job, userId: services.store.integrationUserId))
            } catch { return .failure(error) }
        }
        guard let outcome else { throw .notFound }
        return .json(200, try outcome.get())
    }

    private func results(_ id: String, _ r: SimulatorRequest, _ s: SimulatorSession) throws(BulkAPIError) -> SimulatorResponse {
        guard let job = jobs.withQuery(id, { $0 }) else { throw .notFound }
        guard job.apiVersion == s.apiVersion else {
            throw BulkAPIError(status: 409, errorCode: "BULK_API_ERROR", message:
                "Job \(id) was created with API version \(job.apiVersion); fetch its results with that version")
        }
        guard job.machine.state == .jobComplete else {
            throw .invalidState("Results are available once the job is JobComplete; it is \(job.machine.state.rawValue)")
        }
        var settings = BulkResultPager()
        settings.defaultPageSize = jobs.settings.defaultPageSize
        let page = try settings.page(total: job.result.totalSize, maxRecords: r.query["maxRecords"],
                                     locator: r.query["locator"])
        let rows = job.result.page(page.range).map { row in
            job.columns.map { path -> String? in
                if case .value(let v)? = row.value(at: path) { return BulkCSVWriter.text(v) }
                return nil
            }
        }
        let csv = BulkCSVWriter(format: job.format).document(header: job.columns, rows: rows)
        return SimulatorResponse(status: 200, headers: ["Content-Type": "text/csv", "Sforce-Locator": page.nextLocator,
                                                        "Sforce-NumberOfRecords": String(rows.count)],
                                 body: Data(csv.utf8))
    }
}

extension SimulatorResponse {
    static func bulkError(_ e: BulkAPIError) -> SimulatorResponse { restError(e.status, e.errorCode, e.message) }
}
