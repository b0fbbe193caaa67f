import ConnectorCore
import Foundation
import SalesforceAPI

/// Sends a large set of records by Bulk API 2.0 ingest, with the same outcomes as the
/// Collections path (``ExportBatchSender``):
/// - External ID match → one `upsert` job on the field (`externalIdFieldName`);
/// - no match field → `insert` (and `update` by `Id` for records this job created before);
/// - another idLookup field → the `IN` lookups in chunks of 200 values (one query each, more if
///   a chunk's URL is too long), then an `update` job for the matches and an `insert` job for
///   the rest; ambiguous and missing match values are rejected without a write.
///
/// Result rows map back to records: successful → sent with `sf__Id`; failed → rejected with the
/// code and message of `sf__Error`, or retry for `UNABLE_TO_LOCK_ROW`; unprocessed (a failed or
/// aborted job) → retry. Bulk result files carry no duplicate-rule detail, so a row failing with
/// `DUPLICATES_DETECTED` (unless `on_duplicate: reject`) or `CANNOT_UPDATE_CONVERTED_LEAD` (with
/// `on_converted_lead: follow`) is sent again through Collections, which names the match.
struct ExportBulkSender: Sendable {
    var batch: ExportBatchSender
    /// Records per Collections call for the follow-ups.
    var batchSize: Int

    var plan: ExportPlan { batch.plan }
    var client: SalesforceClient { batch.client }

    /// One outcome per record, in order.
    /// - Throws: ``SalesforceError`` for a call or job Salesforce refuses as a whole.
    func send(_ records: [SalesforceRecord]) async throws -> [RecordOutcome] {
        var outcomes = [RecordOutcome](repeating: .retry, count: records.count)
        var written: [(Int, RecordResult)] = []
        switch plan.match {
        case .create:
            let known = records.indices.filter { records[$0]["Id"]?.stringValue != nil }
            let fresh = records.indices.filter { records[$0]["Id"]?.stringValue == nil }
            written += try await ingest(.update, known.map { ($0, records[$0]) })
            written += try await ingest(.insert, fresh.map { ($0, records[$0]) })
        case .upsertByExternalId(let field):
            var keyed: [(Int, SalesforceRecord)] = []
            for (index, record) in records.enumerated() {
                if (record[field] ?? .null).isNull { outcomes[index] = ExportBatchSender.missingMatch(field) } else {
                    var r = record
                    r.removeValue(forKey: "Id")
                    keyed.append((index, r))
                }
            }
            written += try await ingest(.upsert, keyed, externalIDField: field)
        case .lookup(let field):
            let split = LookupSplit(records: records, field: field, matches: try await lookup(records, field: field), plan: plan)
            outcomes = split.outcomes
            written += try await ingest(.update, split.updates)
            written += try await ingest(.insert, split.creates)
        }
        var followUps: [Int] = []
        for (index, result) in written {
            if needsFollowUp(result) { followUps.append(index) } else { outcomes[index] = ExportBatchSender.outcome(result) }
        }
        var start = 0
        while start < followUps.count {
            let chunk = Array(followUps[start..<min(followUps.count, start + max(1, batchSize))])
            for (index, outcome) in zip(chunk, try await batch.send(chunk.map { records[$0] })) { outcomes[index] = outcome }
            start += chunk.count
        }
        return outcomes
    }

    /// The lookup matches of every record's match value, 200 values per lookup.
    private func lookup(_ records: [SalesforceRecord], field: String) async throws -> [SalesforceClient.LookupMatch] {
        var seen = Set<String>()
        let values = records.compactMap { $0[field]?.stringValue }.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
        var matches: [SalesforceClient.LookupMatch] = []
        var start = 0
        while start < values.count {
            let chunk = Array(values[start..<min(values.count, start + SalesforceClient.collectionsLimit)])
            matches += try await client.lookupIDs(object: plan.object, field: field, values: chunk)
            start += chunk.count
        }
        return matches
    }

    /// One Bulk ingest of `records`; a successful update without `sf__Id` gets the record's `Id`.
    private func ingest(_ operation: BulkIngestOperation, _ records: [(Int, SalesforceRecord)],
                        externalIDField: String? = nil) async throws -> [(Int, RecordResult)] {
        guard !records.isEmpty else { return [] }
        let result = try await client.bulkIngest(plan.object, operation: operation, externalIDField: externalIDField,
                                                 records: records.map(\.1))
        return zip(records, result.results).map { pair, r in
            var r = r
            if r.success && r.id == nil { r.id = pair.1["Id"]?.stringValue }
            return (pair.0, r)
        }
    }

    private func needsFollowUp(_ result: RecordResult) -> Bool {
        guard !result.success, let code = result.errors.first?.statusCode else { return false }
        return code == "DUPLICATES_DETECTED" && batch.onDuplicate != .reject
            || code == "CANNOT_UPDATE_CONVERTED_LEAD" && batch.onConvertedLead == .follow
    }
}
