import ConnectorCore
import Foundation
import SalesforceAPI

extension ExportBatchSender {
    /// Turns per-record results into outcomes, following `on_duplicate: update_match` (update the
    /// one record the duplicate rule names) and `on_converted_lead: follow` (write to the lead's
    /// converted contact) with one extra call each for the whole batch.
    func resolve(_ written: [(Int, SalesforceRecord, RecordResult)],
                 into start: [RecordOutcome]) async throws -> [RecordOutcome] {
        var outcomes = start
        var duplicates: [(Int, SalesforceRecord)] = []
        var converted: [(Int, SalesforceRecord, String)] = []
        for (index, record, result) in written {
            outcomes[index] = Self.outcome(result)
            guard let error = result.errors.first else { continue }
            if error.statusCode == "DUPLICATES_DETECTED", onDuplicate == .updateMatch,
               error.duplicateRecordIDs.count == 1, let id = error.duplicateRecordIDs.first {
                var r = record
                r["Id"] = .string(id)
                duplicates.append((index, r))
            } else if error.statusCode == "CANNOT_UPDATE_CONVERTED_LEAD", onConvertedLead == .follow,
                      let id = (record["Id"] ?? result.id.map { .string($0) })?.stringValue {
                converted.append((index, record, id))
            }
        }
        if !duplicates.isEmpty {
            let results = try await client.update(plan.object, records: duplicates.map(\.1))
            for ((index, record), result) in zip(duplicates, results) {
                outcomes[index] = result.success ? .sent(salesforceID: record["Id"]?.stringValue) : Self.outcome(result)
            }
        }
        if !converted.isEmpty { try await follow(converted, into: &outcomes) }
        return outcomes
    }

    /// Reads `ConvertedContactId` of the converted leads and updates those contacts with the
    /// fields Contact also has.
    private func follow(_ converted: [(Int, SalesforceRecord, String)], into outcomes: inout [RecordOutcome]) async throws {
        let ids = converted.map(\.2).filter { $0.allSatisfy { $0.isLetter || $0.isNumber } }
        guard !ids.isEmpty else { return }
        let soql = "SELECT Id, ConvertedContactId FROM Lead WHERE Id IN ("
            + ids.map { "'\($0)'" }.joined(separator: ",") + ")"
        var contactOf: [String: String] = [:]
        for try await page in try client.query(soql, sobject: "Lead") {
            for r in page.records {
                if let lead = r["Id"]?.stringValue, let contact = r["ConvertedContactId"]?.stringValue {
                    contactOf[String(lead.prefix(15))] = contact
                }
            }
        }
        let contact = try await client.describe("Contact")
        var updates: [(Int, SalesforceRecord)] = []
        for (index, record, lead) in converted {
            guard let contactID = contactOf[String(lead.prefix(15))] else { continue }
            var r: SalesforceRecord = ["Id": .string(contactID)]
            for (key, value) in record where key != "Id" {
                if let f = contact.field(key), f.updateable { r[f.name] = value }
            }
            updates.append((index, r))
        }
        guard !updates.isEmpty else { return }
        let results = try await client.update("Contact", records: updates.map(\.1))
        for ((index, record), result) in zip(updates, results) {
            outcomes[index] = result.success ? .sent(salesforceID: record["Id"]?.stringValue) : Self.outcome(result)
        }
    }
}
