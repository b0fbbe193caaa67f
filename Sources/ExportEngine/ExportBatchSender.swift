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
    /// Not written on purpose: the lookup found no record and `create_missing` is false.
    case skipped
}

/// Sends one batch (≤ batch_size records) by sObject Collections according to the plan's match
/// strategy. With `on_duplicate: allow_save` every write carries
/// `Sforce-Duplicate-Rule-Header: allowSave=true`, so an `Alert` duplicate rule lets the record
/// save (a `Block` rule still rejects it with `DUPLICATES_DETECTED`).
///
/// Under ``MatchStrategy/create`` a record that carries an `Id` (one this job created before)
/// is updated by that Id instead of being created again.
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

    /// Whether writes send the duplicate-rule header.
    var allowSave: Bool { onDuplicate == .allowSave }

    /// Sends `records` and returns one outcome per record, in order.
    /// - Throws: ``SalesforceError`` for a failed call (auth, budget, transport); refused
    ///   records are outcomes, not errors.
    public func send(_ records: [SalesforceRecord]) async throws -> [RecordOutcome] {
        switch plan.match {
        case .create:
            let known = records.indices.filter { records[$0]["Id"]?.stringValue != nil }
            let fresh = records.indices.filter { records[$0]["Id"]?.stringValue == nil }
            var written = try await update(known.map { ($0, records[$0]) })
            if !fresh.isEmpty {
                let results = try await client.create(plan.object, records: fresh.map { records[$0] },
                                                      allowDuplicateSave: allowSave)
                written += zip(fresh, results).map { ($0.0, records[$0.0], $0.1) }
            }
            return try await resolve(written, into: [RecordOutcome](repeating: .retry, count: records.count))
        case .upsertByExternalId(let field):
            var outcomes = [RecordOutcome](repeating: .retry, count: records.count)
            var keyed: [Int] = []
            for index in records.indices {
                if (records[index][field] ?? .null).isNull { outcomes[index] = Self.missingMatch(field) } else { keyed.append(index) }
            }
            guard !keyed.isEmpty else { return outcomes }
            let results = try await client.upsert(plan.object, externalIDField: field, records: keyed.map { records[$0] },
                                                  allowDuplicateSave: allowSave)
            return try await resolve(zip(keyed, results).map { ($0.0, records[$0.0], $0.1) }, into: outcomes)
        case .lookup(let field):
            let matches = try await client.lookupIDs(object: plan.object, field: field,
                                                     values: records.compactMap { $0[field]?.stringValue })
            let split = LookupSplit(records: records, field: field, matches: matches, plan: plan)
            var written = try await update(split.updates)
            if !split.creates.isEmpty {
                let results = try await client.create(plan.object, records: split.creates.map(\.1),
                                                      allowDuplicateSave: allowSave)
                written += zip(split.creates, results).map { ($0.0.0, $0.0.1, $0.1) }
            }
            return try await resolve(written, into: split.outcomes)
        }
    }

    /// Updates records by their `Id`; a success without an id gets the record's.
    private func update(_ records: [(Int, SalesforceRecord)]) async throws -> [(Int, SalesforceRecord, RecordResult)] {
        guard !records.isEmpty else { return [] }
        let results = try await client.update(plan.object, records: records.map(\.1), allowDuplicateSave: allowSave)
        return zip(records, results).map { pair, result in
            var r = result
            if r.success && r.id == nil { r.id = pair.1["Id"]?.stringValue }
            return (pair.0, pair.1, r)
        }
    }

    static func missingMatch(_ field: String) -> RecordOutcome {
        .rejected(code: "MISSING_MATCH_VALUE", message: "The profile has no value for the match field \(field).")
    }

    /// Success → sent; a retry disposition → retry; anything else → rejected with Salesforce's code.
    static func outcome(_ result: RecordResult) -> RecordOutcome {
        guard let disposition = result.disposition else { return .sent(salesforceID: result.id) }
        if case .retry = disposition { return .retry }
        let error = result.errors.first
        return .rejected(code: error?.statusCode ?? "UNKNOWN_ERROR", message: error?.message ?? "")
    }
}
