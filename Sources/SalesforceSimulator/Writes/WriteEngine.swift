import Foundation

/// Applies resolved records to the org with Salesforce's record-level rules: validation, unique
/// fields, the Lead duplicate rule, converted leads, CampaignMember rules, `UNABLE_TO_LOCK_ROW`
/// faults. One call is one write batch (one `SystemModstamp`); with `allOrNone` a single failure
/// rolls everything back and the other records report `ALL_OR_NONE_OPERATION_ROLLED_BACK`.
struct WriteEngine: Sendable {
    let store: OrgStore
    let context: WriteContext

    private struct RolledBack: Error {}

    func apply(_ items: [WriteItem], allOrNone: Bool) -> [WriteOutcome] {
        var outcomes: [WriteOutcome] = []
        do {
            try store.write { (batch: inout OrgWriteBatch) throws(RolledBack) in
                for item in items { outcomes.append(applyOne(item, &batch)) }
                if allOrNone, outcomes.contains(where: { !$0.success }) { throw RolledBack() }
            }
        } catch {
            outcomes = outcomes.map { $0.success ? .failure(.rolledBack) : $0 }
        }
        return outcomes
    }

    private func applyOne(_ item: WriteItem, _ batch: inout OrgWriteBatch) -> WriteOutcome {
        if let problem = item.problem { return .failure(problem) }
        guard let target = item.target else { return .failure(WriteError(code: "INVALID_TYPE", message:
            "Must send a concrete entity type.")) }
        return RecordWriter(target: target, context: context).apply(item, &batch)
    }
}
