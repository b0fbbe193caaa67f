import ConnectorCore
import Foundation
import SalesforceAPI

/// The outcome of sending one record of a batch.
public enum RecordOutcome: Sendable, Hashable {
    /// Written; the Salesforce id when known.
    case sent(salesforceID: String?)
    /// Salesforce refused it (or the match was ambiguous): kept as a rejected record.
    case rejected(code: String, message: String)
    /// Transient (`UNABLE_TO_LOCK_ROW`, 5xx): send again.
    case retry
}

/// Sends one batch (≤ batch_size records) according to the plan's match strategy.
public struct ExportBatchSender: Sendable {
    public var plan: ExportPlan
    public var client: SalesforceClient
    public var onDuplicate: DuplicatePolicy
    public var onConvertedLead: ConvertedLeadPolicy

    public init(plan: ExportPlan, client: SalesforceClient, onDuplicate: DuplicatePolicy = .updateMatch,
                onConvertedLead: ConvertedLeadPolicy = .follow) {
        self.plan = plan
        self.client = client
        self.onDuplicate = onDuplicate
        self.onConvertedLead = onConvertedLead
    }

    /// Sends `records` and returns one outcome per record, in order.
    public func send(_ records: [SalesforceRecord]) async throws -> [RecordOutcome] {
        switch plan.match {
        case .create:
            let results = try await client.create(plan.object, records: records)
            return try await resolve(Array(zip(records.indices, zip(records, results))).map { ($0.0, $0.1.0, $0.1.1) },
                                     into: [RecordOutcome](repeating: .retry, count: records.count))
        case .upsertByExternalId(let field):
            var outcomes = [RecordOutcome](repeating: .rejected(code: "MISSING_MATCH_VALUE", message: ""), count: records.count)
            let keyed = records.indices.filter { !(records[$0][field] ?? .null).isNull }
            for index in records.indices where !keyed.contains(index) {
                outcomes[index] = .rejected(code: "MISSING_MATCH_VALUE",
                                            message: "The profile has no value for the match field \(field).")
            }
            guard !keyed.isEmpty else { return outcomes }
            let results = try await client.upsert(plan.object, externalIDField: field, records: keyed.map { records[$0] })
            return try await resolve(zip(keyed, results).map { ($0.0, records[$0.0], $0.1) }, into: outcomes)
        case .lookup(let field):
            return try await lookupThenWrite(records, field: field)
        }
    }

    private func lookupThenWrite(_ records: [SalesforceRecord], field: String) async throws -> [RecordOutcome] {
        let values = records.compactMap { $0[field]?.stringValue }
        let matches = try await client.lookupIDs(object: plan.object, field: field, values: values)
        var ids: [String: [String]] = [:]
        for match in matches { ids[(match.value.stringValue ?? "").lowercased(), default: []].append(match.id) }
        var outcomes = [RecordOutcome](repeating: .retry, count: records.count)
        var updates: [(Int, SalesforceRecord)] = []
        var creates: [(Int, SalesforceRecord)] = []
        for (index, record) in records.enumerated() {
            guard let value = record[field]?.stringValue, !value.isEmpty else {
                outcomes[index] = .rejected(code: "MISSING_MATCH_VALUE",
                                            message: "The profile has no value for the match field \(field).")
                continue
            }
            let found = ids[value.lowercased()] ?? []
            if found.count > 1 {
                outcomes[index] = .rejected(code: "AMBIGUOUS_MATCH", message: "\(found.count) \(plan.object) records have "
                                            + "\(field) \(value) (\(found.sorted().joined(separator: ", "))); none was updated.")
            } else if let id = found.first {
                var r = record
                r["Id"] = .string(id)
                updates.append((index, r))
            } else if plan.createMissing {
                creates.append((index, record))
            } else {
                outcomes[index] = .sent(salesforceID: nil)
            }
        }
        var written: [(Int, SalesforceRecord, RecordResult)] = []
        if !updates.isEmpty {
            let results = try await client.update(plan.object, records: updates.map(\.1))
            for ((index, record), result) in zip(updates, results) {
                var r = result
                if r.success && r.id == nil { r.id = record["Id"]?.stringValue }
                written.append((index, record, r))
            }
        }
        if !creates.isEmpty {
            let results = try await client.create(plan.object, records: creates.map(\.1))
            written += zip(creates, results).map { ($0.0.0, $0.0.1, $0.1) }
        }
        return try await resolve(written, into: outcomes)
    }

    /// Success → sent; a retry disposition → retry; anything else → rejected with Salesforce's code.
    static func outcome(_ result: RecordResult) -> RecordOutcome {
        guard let disposition = result.disposition else { return .sent(salesforceID: result.id) }
        if case .retry = disposition { return .retry }
        let error = result.errors.first
        return .rejected(code: error?.statusCode ?? "UNKNOWN_ERROR", message: error?.message ?? "")
    }
}
