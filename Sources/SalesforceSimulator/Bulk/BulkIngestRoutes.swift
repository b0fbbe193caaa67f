import Foundation

/// Bulk API 2.0 ingest jobs (§7.2): `POST /jobs/ingest`, `PUT /jobs/ingest/{id}/batches` (one CSV
/// upload, 201), `PATCH` to `UploadComplete` or `Aborted`, `GET` job info (processing happens on
/// the poll that completes the job), `DELETE`, and the result files `successfulResults/`,
/// `failedResults/` and `unprocessedrecords/`.
struct BulkIngestRoutes: SimulatorRouteProvider {
    let shared: WriteShared

    func handle(_ request: SimulatorRequest, session: SimulatorSession) async throws -> SimulatorResponse? {
        try BulkIngestHandler(services: shared.services(session), jobs: shared.jobs).handle(request, session: session)
    }
}

/// One request's view of ``BulkIngestRoutes``.
struct BulkIngestHandler {
    static let operations: Set<String> = ["insert", "update", "upsert", "delete", "hardDelete"]
    let services: WriteServices
    let jobs: BulkJobRegistry

    func handle(_ request: SimulatorRequest, session: SimulatorSession) throws -> SimulatorResponse? {
        let seg = resourceSegments(session.resourcePath)
        guard seg.count >= 2, seg[0] == "jobs", seg[1] == "ingest" else { return nil }
        do {
            switch (request.method, seg.count) {
            case ("POST", 2): return try create(request, session)
            case ("GET", 2):
                return .json(200, BulkJobInfo.list(jobs.allIngests().map(info)))
            case ("GET", 3): return try poll(seg[2], request, session)
            case ("PATCH", 3): return try patch(seg[2], request, session)
            case ("DELETE", 3): return jobs.removeIngest(seg[2]) ? SimulatorResponse(status: 204) : .bulkError(.notFound)
            case ("PUT", 4) where seg[3] == "batches": return try upload(seg[2], request)
            case ("GET", 4): return try resultFile(seg[2], seg[3])
            default: return nil
            }
        } catch let e as BulkAPIError {
            return .bulkError(e)
        }
    }

    private func info(_ j: BulkIngestJob) -> [String: Any] { BulkJobInfo.ingest(j, userId: services.store.integrationUserId) }

    private static func invalidJob(_ message: String) -> BulkAPIError {
        BulkAPIError(status: 400, errorCode: "INVALIDJOB", message: message)
    }

    private func create(_ r: SimulatorRequest, _ s: SimulatorSession) throws -> SimulatorResponse {
        guard let body = WriteJSON.parse(r.body)?.objectValue else {
            throw BulkAPIError(status: 400, errorCode: "JSON_PARSER_ERROR", message: "The request body is not a JSON object")
        }
        let operation = body["operation"]?.stringValue ?? ""
        guard Self.operations.contains(operation) else {
            throw Self.invalidJob("Invalid operation: '\(operation)'. Use insert, update, upsert, delete or hardDelete")
        }
        let objectName = body["object"]?.stringValue ?? ""
        guard let target = services.reader.target(objectName) else {
            throw Self.invalidJob("Unable to find object: \(objectName)")
        }
        if let ct = body["contentType"]?.stringValue, ct != "CSV" { throw Self.invalidJob("Invalid contentType: \(ct). Use CSV") }
        var external: String?
        if operation == "upsert" {
            guard let name = body["externalIdFieldName"]?.stringValue, !name.isEmpty else {
                throw Self.invalidJob("An upsert job needs externalIdFieldName")
            }
            guard name.lowercased() == "id" || services.reader.externalIdField(name, of: target) != nil else {
                throw Self.invalidJob("Field name provided, \(name) is not an External ID or indexed field for \(target.name)")
            }
            external = target.describe.field(name)?.name ?? name
        }
        let format = try BulkCSVFormat(delimiter: body["columnDelimiter"]?.stringValue,
                                       lineEnding: body["lineEnding"]?.stringValue)
        let (id, policy, failure) = jobs.nextJob()
        let job = BulkIngestJob(id: id, operation: operation, object: target.name, externalIdFieldName: external,
                                apiVersion: s.apiVersion, format: format, createdDate: s.now, systemModstamp: s.now,
                                machine: BulkIngestMachine(jobId: id, policy: policy, failure: failure))
        jobs.add(job)
        return .json(200, info(job))
    }

    private func upload(_ id: String, _ r: SimulatorRequest) throws(BulkAPIError) -> SimulatorResponse {
        let text = String(decoding: r.body, as: UTF8.self)
        let done = jobs.withIngest(id) { job -> BulkAPIError? in
            do throws(BulkAPIError) {
                try job.machine.upload()
                job.upload = text
                return nil
            } catch { return error }
        }
        guard let done else { throw .notFound }
        if let error = done { throw error }
        return SimulatorResponse(status: 201)
    }

    private func patch(_ id: String, _ r: SimulatorRequest, _ s: SimulatorSession) throws(BulkAPIError) -> SimulatorResponse {
        let state = WriteJSON.parse(r.body)?.objectValue?["state"]?.stringValue
        guard state == "UploadComplete" || state == "Aborted" else {
            throw .invalidState("An ingest job can be set to UploadComplete or Aborted, not \(state ?? "nothing")")
        }
        let outcome = jobs.withIngest(id) { job -> Result<[String: Any], BulkAPIError> in
            do throws(BulkAPIError) {
                if state == "Aborted" {
                    try job.machine.abort()
                    if let upload = job.upload, let table = try? BulkCSVReader(format: job.format).read(upload) {
                        job.results.header = table.header
                        job.results.unprocessed = table.rows
                    }
                } else {
                    try job.machine.close(now: s.now)
                }
                job.systemModstamp = s.now
                return .success(info(job))
            } catch { return .failure(error) }
        }
        guard let outcome else { throw .notFound }
        return .json(200, try outcome.get())
    }

    private func poll(_ id: String, _ r: SimulatorRequest, _ s: SimulatorSession) throws(BulkAPIError) -> SimulatorResponse {
        let processor = BulkIngestProcessor(services: services, context: services.context(r, s, bulk: true),
                                            batchSize: jobs.settings.batchSize)
        guard let body = jobs.withIngest(id, { job -> [String: Any] in
            if case .run(let failure) = job.machine.observe(now: s.now) {
                processor.process(&job, failure: failure)
                job.systemModstamp = s.now
            }
            return info(job)
        }) else { throw .notFound }
        return .json(200, body)
    }

    private func resultFile(_ id: String, _ name: String) throws(BulkAPIError) -> SimulatorResponse {
        guard ["successfulResults", "failedResults", "unprocessedrecords"].contains(name) else { throw .notFound }
        guard let job = jobs.withIngest(id, { $0 }) else { throw .notFound }
        guard job.machine.state.isTerminal else {
            throw .invalidState("Results are available once the job has finished; it is \(job.machine.state.rawValue)")
        }
        let writer = BulkCSVWriter(format: job.format)
        let r = job.results
        let csv: String
        switch name {
        case "successfulResults": csv = writer.document(header: ["sf__Id", "sf__Created"] + r.header, rows: r.successful)
        case "failedResults": csv = writer.document(header: ["sf__Id", "sf__Error"] + r.header, rows: r.failed)
        default: csv = r.header.isEmpty ? "" : writer.document(header: r.header, rows: r.unprocessed.map { $0.map { $0 } })
        }
        return SimulatorResponse(status: 200, headers: ["Content-Type": "text/csv"], body: Data(csv.utf8))
    }
}
