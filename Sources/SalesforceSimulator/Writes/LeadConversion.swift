import Foundation

/// Converts a lead as Salesforce's Convert button does (admin endpoint, for tests of
/// `CANNOT_UPDATE_CONVERTED_LEAD`): creates an Account named after the Company and a Contact with
/// the lead's name, email, phone, title and source, then sets IsConverted, ConvertedDate,
/// ConvertedAccountId and ConvertedContactId on the lead.
struct LeadConversion {
    struct Converted: Sendable { var accountId: String; var contactId: String }

    let store: OrgStore

    func convert(leadId: String) throws(WriteError) -> Converted {
        let result = store.write { (b: inout OrgWriteBatch) -> Result<Converted, WriteError> in
            guard RecordID.parse(leadId)?.prefix == "00Q", let lead = b.record(id: leadId), let id = lead.id else {
                return .failure(WriteError(code: "NOT_FOUND", message: "No lead has the Id \(leadId)"))
            }
            if lead["IsDeleted"] == .bool(true) { return .failure(.entityIsDeleted) }
            if lead["IsConverted"] == .bool(true) {
                return .failure(WriteError(code: "INVALID_STATUS", message: "Lead \(id) is already converted"))
            }
            do throws(SimulatorError) {
                let company: SimValue = lead["Company"].isNull ? lead["LastName"] : lead["Company"]
                let account = try b.insert("Account", ["Name": company])
                var contact: [String: SimValue] = ["AccountId": .string(account)]
                for f in ["FirstName", "LastName", "Email", "Phone", "Title", "LeadSource", "Salutation"] {
                    contact[f] = lead[f]
                }
                let contactId = try b.insert("Contact", contact)
                try b.update("Lead", id: id, [
                    "IsConverted": .bool(true), "ConvertedAccountId": .string(account),
                    "ConvertedContactId": .string(contactId),
                    "ConvertedDate": .date(String(BulkCSVWriter.datetime(b.stamp).prefix(10))),
                ])
                return .success(Converted(accountId: account, contactId: contactId))
            } catch {
                return .failure(WriteError(code: "UNKNOWN_EXCEPTION", message: error.message))
            }
        }
        return try result.get()
    }
}
