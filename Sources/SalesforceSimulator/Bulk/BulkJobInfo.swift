import Foundation

/// Job-info JSON (§7.1, §7.2).
enum BulkJobInfo {
    static func date(_ d: Date) -> String { WriteRecordJSON.value(.datetime(d)) as? String ?? "" }

    private static func common(id: String, operation: String, object: String, created: Date, modstamp: Date,
                               state: BulkJobState, version: String, format: BulkCSVFormat,
                               userId: String) -> [String: Any] {
        ["id": id, "operation": operation, "object": object, "createdById": userId,
         "createdDate": date(created), "systemModstamp": date(modstamp), "state": state.rawValue,
         "concurrencyMode": "Parallel", "contentType": "CSV", "apiVersion": Double(version) ?? 0,
         "lineEnding": format.lineEndingName, "columnDelimiter": format.delimiterName, "retries": 0,
         "totalProcessingTime": 0]
    }

    static func query(_ j: BulkQueryJob, userId: String) -> [String: Any] {
        var out = common(id: j.id, operation: j.operation, object: j.object, created: j.createdDate,
                         modstamp: j.systemModstamp, state: j.machine.state, version: j.apiVersion, format: j.format,
                         userId: userId)
        out["jobType"] = "V2Query"
        out["numberRecordsProcessed"] = j.numberRecordsProcessed
        out["isPkChunkingSupported"] = true
        if let e = j.errorMessage { out["errorMessage"] = e }
        return out
    }

    static func ingest(_ j: BulkIngestJob, userId: String) -> [String: Any] {
        var out = common(id: j.id, operation: j.operation, object: j.object, created: j.createdDate,
                         modstamp: j.systemModstamp, state: j.machine.state, version: j.apiVersion, format: j.format,
                         userId: userId)
        out["jobType"] = "V2Ingest"
        out["contentUrl"] = "services/data/v\(j.apiVersion)/jobs/ingest/\(j.id)/batches"
        if let ext = j.externalIdFieldName { out["externalIdFieldName"] = ext }
        out["numberRecordsProcessed"] = j.results.processed
        out["numberRecordsFailed"] = j.results.failed.count
        out["apiActiveProcessingTime"] = 0
        out["apexProcessingTime"] = 0
        if let e = j.errorMessage { out["errorMessage"] = e }
        return out
    }

    /// `{"done": true, "records": [...], "nextRecordsUrl": null}` for `GET /jobs/query|ingest`.
    static func list(_ infos: [[String: Any]]) -> [String: Any] {
        ["done": true, "records": infos, "nextRecordsUrl": NSNull()]
    }
}
