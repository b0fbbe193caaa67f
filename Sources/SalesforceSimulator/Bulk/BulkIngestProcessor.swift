import Foundation

/// Applies an ingest job's upload with the same record rules as REST (§7.2): insert, update
/// (`Id` column), upsert (`externalIdFieldName` column), delete/hardDelete (`Id`; both soft-delete
/// here). Empty cells leave a field unchanged, `#N/A` sets it to null. Rows go through the write
/// engine in internal batches (one `SystemModstamp` each); an unknown column or malformed CSV fails
/// the job with every row unprocessed.
struct BulkIngestProcessor {
    let services: WriteServices
    let context: WriteContext
    let batchSize: Int

    func process(_ job: inout BulkIngestJob, failure: BulkInjectedFailure?) {
        guard let upload = job.upload else { return }
        let table: BulkCSVTable
        do {
            table = try BulkCSVReader(format: job.format).read(upload)
        } catch {
            job.errorMessage = error.message
            job.machine.fail()
            return
        }
        job.results.header = table.header
        guard let target = services.reader.target(job.object) else { return }
        if let unknown = table.header.first(where: { target.rules.field($0) == nil }),
           job.operation != "delete", job.operation != "hardDelete" {
            job.errorMessage = "InvalidBatch : Field name not found : \(unknown)"
            job.results.unprocessed = table.rows
            job.machine.fail()
            return
        }
        let limit = failure.map { min($0.processRecords, table.rows.count) } ?? table.rows.count
        let engine = WriteEngine(store: services.store, context: context)
        var start = 0
        while start < limit {
            let chunk = Array(table.rows[start..<min(limit, start + batchSize)])
            let items = chunk.map { item(for: $0, header: table.header, target, job) }
            for (row, outcome) in zip(chunk, engine.apply(items, allOrNone: false)) {
                record(outcome, row: row, header: table.header, job: &job)
            }
            start += batchSize
        }
        job.results.unprocessed = Array(table.rows[limit...])
        if let failure { job.errorMessage = failure.errorMessage }
    }

    private func record(_ o: WriteOutcome, row: [String], header: [String], job: inout BulkIngestJob) {
        if o.success {
            let created = o.created ?? (job.operation == "insert")
            job.results.successful.append([o.id, created ? "true" : "false"] + row)
        } else {
            let id = o.id ?? header.firstIndex { $0.lowercased() == "id" }.map { row[$0] }
            job.results.failed.append([id, o.errors.first?.bulkText] + row)
        }
    }

    private func item(for row: [String], header: [String], _ target: WriteTarget, _ job: BulkIngestJob) -> WriteItem {
        var input: WriteInputRecord = []
        var id: String?
        var key: String?
        for (name, raw) in zip(header, row) {
            if name.lowercased() == "id" { id = raw.isEmpty ? nil : raw }
            if let ext = job.externalIdFieldName, name.lowercased() == ext.lowercased() { key = raw.isEmpty ? nil : raw }
            switch BulkIngestCell(raw: raw) {
            case .unchanged: continue
            case .null: input.append((name, .null))
            case .value(let v): input.append((name, .text(v)))
            }
        }
        if job.operation == "delete" || job.operation == "hardDelete" {
            guard let id else { return WriteItem(target, .create, problem: .missingId) }
            return WriteItem(target, .delete(id: id))
        }
        let values: [(WriteFieldRules, SimValue)]
        do {
            values = try RecordValidator(object: target.rules).resolve(input, json: false)
        } catch {
            return WriteItem(target, .create, problem: error)
        }
        switch job.operation {
        case "update":
            guard let id else { return WriteItem(target, .create, problem: .missingId) }
            return WriteItem(target, .update(id: id), values: values)
        case "upsert":
            let ext = job.externalIdFieldName ?? "Id"
            if ext.lowercased() == "id" {
                guard let id else { return WriteItem(target, .create, values: values.filter { $0.0.name != "Id" }) }
                return WriteItem(target, .update(id: id), values: values)
            }
            guard let key, let field = target.rules.field(ext) else {
                return WriteItem(target, .create, problem: WriteError(code: "MISSING_ARGUMENT",
                                                                      message: "\(ext) not specified"))
            }
            return WriteItem(target, .upsert(field: field, value: key), values: values)
        default:
            return WriteItem(target, .create, values: values)
        }
    }
}

extension WriteError {
    static let missingId = WriteError(code: "MISSING_ARGUMENT", message: "Id not specified in an update call")
}
