import ConnectorCore
import Foundation
import HTTPTransport

extension SalesforceClient {
    /// Writes `records` with Bulk API 2.0 ingest: the CSV (see ``CSVWriter`` for the cell rules:
    /// a missing key leaves the field unchanged, `.null` clears it) goes up in one PUT per job,
    /// split into several jobs above ``Configuration/bulkMaxUploadBytes``; each job is closed
    /// (`UploadComplete`), polled with backoff, and its `successfulResults`, `failedResults` and
    /// `unprocessedrecords` are matched back to the input rows.
    ///
    /// Bulk results come back in any order, so they are matched on `rowKey` (default: the
    /// external id for upsert, `Id` for update and delete; for insert every column's value).
    /// - Parameter columns: the CSV header (default: every key of the records, sorted).
    /// - Returns: one result per input record, in input order.
    /// - Throws: ``SalesforceError``: `invalidRequest` for an upsert without `externalIDField` or a
    ///   row larger than the upload limit; Salesforce's errors for a job it refuses.
    public func bulkIngest(_ object: String, operation: BulkIngestOperation, externalIDField: String? = nil,
                           records: [SalesforceRecord], columns: [String]? = nil,
                           rowKey: String? = nil) async throws -> BulkIngestResult {
        let name = try Self.validName(object)
        if operation == .upsert && externalIDField == nil {
            throw SalesforceError(kind: .invalidRequest, message: "A Bulk upsert needs externalIDField, the field it matches on.",
                                  sobject: name)
        }
        let header = columns ?? Array(Set(records.flatMap(\.keys)).subtracting(["attributes"])).sorted()
        let writer = CSVWriter(columns: header)
        let key = rowKey ?? operation.defaultRowKey(externalIDField: externalIDField)
        var result = BulkIngestResult(results: records.map { _ in
            RecordResult(id: nil, success: false, errors: [RecordError(statusCode: "UNPROCESSED_RECORD",
                                                                        message: "Salesforce returned no result for this row.")])
        }, jobIDs: [], failedJobs: [:])
        guard !records.isEmpty else { return result }
        var start = 0
        while start < records.count {
            var body = writer.header()
            var matcher = BulkRowMatcher(columns: header, keyColumn: key)
            var end = start
            while end < records.count {
                let cells = writer.cells(records[end])
                let line = writer.line(cells)
                if body.count + line.count > configuration.bulkMaxUploadBytes {
                    guard end == start else { break }
                    throw SalesforceError(kind: .invalidRequest,
                                          message: "Record \(end + 1) alone is \(line.count) bytes of CSV, over the \(configuration.bulkMaxUploadBytes)-byte upload limit; shorten its long text fields.",
                                          sobject: name)
                }
                body.append(line)
                matcher.add(row: end, cells: cells)
                end += 1
            }
            try await ingestJob(name, operation: operation, externalIDField: externalIDField, csv: body,
                                matcher: &matcher, into: &result)
            start = end
        }
        return result
    }

    private func ingestJob(_ object: String, operation: BulkIngestOperation, externalIDField: String?, csv: Data,
                           matcher: inout BulkRowMatcher, into result: inout BulkIngestResult) async throws {
        var spec: [String: JSONValue] = ["object": .string(object), "operation": .string(operation.rawValue),
                                         "contentType": .string("CSV"), "columnDelimiter": .string("COMMA"), "lineEnding": .string("LF")]
        if let externalIDField { spec["externalIdFieldName"] = .string(externalIDField) }
        var create = RESTCall(method: "POST", path: dataPath + "/jobs/ingest", sobject: object)
        create.setJSON(try Self.encodeJSON(.object(spec)))
        create.idempotent = false
        var machine = bulkMachine(.ingest)
        let id = try await runBulkJob(&machine, create: create, kindPath: "ingest") { id in
            var put = self.bulkCall("PUT", "ingest", id, suffix: "/batches")
            put.body = csv
            put.headers.set("Content-Type", "text/csv")
            put.idempotent = false
            put.sobject = object
            _ = try await self.send(put)
        }
        result.jobIDs.append(id)
        var failure: String?
        if case .fail(_, let message) = machine.event(.resultsFetched) { failure = message }
        for file in ["successfulResults", "failedResults", "unprocessedrecords"] {
            var call = bulkCall("GET", "ingest", id, suffix: "/\(file)/")
            call.sobject = object
            call.headers.set("Accept", "text/csv")
            let response = try await stream(call)
            var header: [String] = []
            try await Self.parseCSV(response.body, jobID: id) { row in
                if header.isEmpty { header = row; return }
                guard let index = matcher.take(header: header, row: row) else { return }
                result.results[index] = Self.ingestResult(file: file, header: header, row: row, jobFailure: failure)
            }
        }
        if let failure { result.failedJobs[id] = failure }
    }

    static func ingestResult(file: String, header: [String], row: [String], jobFailure: String?) -> RecordResult {
        func value(_ column: String) -> String? {
            header.firstIndex(of: column).flatMap { $0 < row.count ? row[$0] : nil }
        }
        let id = value("sf__Id").flatMap { $0.isEmpty ? nil : $0 }
        switch file {
        case "successfulResults":
            return RecordResult(id: id, success: true, created: value("sf__Created").map { $0.lowercased() == "true" })
        case "failedResults":
            return RecordResult(id: id, success: false, errors: [BulkRowMatcher.parseError(value("sf__Error") ?? "")])
        default:
            let why = jobFailure.map { "The Bulk job stopped before this row: \($0)" } ?? "The Bulk job did not process this row."
            return RecordResult(id: nil, success: false, errors: [RecordError(statusCode: "UNPROCESSED_RECORD", message: why)])
        }
    }
}
