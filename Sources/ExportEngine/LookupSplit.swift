import ConnectorCore
import SalesforceAPI

/// The records of a lookup-matched batch sorted by what the `IN` lookup found: one match →
/// an update of that Id; none → a create (or nothing with `create_missing: false`); several →
/// rejected as ambiguous, never guessed; no match value → rejected. Values compare
/// case-insensitively, as Salesforce compares Email.
struct LookupSplit {
    /// Final outcomes for the rejected and skipped records; `.retry` for those still to write.
    var outcomes: [RecordOutcome]
    var updates: [(Int, SalesforceRecord)] = []
    var creates: [(Int, SalesforceRecord)] = []

    init(records: [SalesforceRecord], field: String, matches: [SalesforceClient.LookupMatch], plan: ExportPlan) {
        var ids: [String: [String]] = [:]
        for match in matches { ids[(match.value.stringValue ?? "").lowercased(), default: []].append(match.id) }
        outcomes = [RecordOutcome](repeating: .retry, count: records.count)
        for (index, record) in records.enumerated() {
            guard let value = record[field]?.stringValue, !value.isEmpty else {
                outcomes[index] = ExportBatchSender.missingMatch(field)
                continue
            }
            let found = Array(Set(ids[value.lowercased()] ?? []))
            if found.count > 1 {
                outcomes[index] = .rejected(code: "AMBIGUOUS_MATCH", message: "\(found.count) \(plan.object) records have "
                                            + "\(field) \(value) (\(found.sorted().joined(separator: ", "))); none was updated.")
            } else if let id = found.first {
                var r = record
                r["Id"] = .string(id)
                updates.append((index, r))
            } else if plan.createMissing {
                var r = record
                r.removeValue(forKey: "Id")
                creates.append((index, r))
            } else {
                outcomes[index] = .skipped
            }
        }
    }
}
