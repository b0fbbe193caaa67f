import ConnectorCore
import Foundation
import Store

/// A store in a fresh temporary folder, with a manual clock and two small mappings.
struct StoreFixture {
    let dir: URL
    let path: String
    let clock = ManualWallClock()
    let store: Store

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        path = dir.appendingPathComponent("store.sqlite").path
        store = try Store(path: path, clock: clock)
    }

    /// Opens the same file again (a restart).
    func reopen() throws -> Store { try Store(path: path, clock: clock) }

    static let leads: [FieldMapping] = [
        FieldMapping(source: "lead_id", salesforceField: "Id", userField: "salesforce_lead_ids", type: .stringList, isUniqueID: true),
        FieldMapping(source: "lead_email", salesforceField: "Email", userField: "email", type: .string, isUniqueID: true),
        FieldMapping(source: "lead_email", salesforceField: "Email", userField: "emaildomains", type: .stringList, derivation: .emailDomain),
        FieldMapping(source: "lead_status", salesforceField: "Status", userField: "salesforce_lead_status", type: .string),
        FieldMapping(source: "lead_industry", salesforceField: "Industry", userField: "salesforce_lead_industry", type: .string),
        FieldMapping(source: "lead_title", salesforceField: "Title", userField: "title", type: .string),
        FieldMapping(source: "lead_score", salesforceField: "Score__c", userField: "score", type: .int),
    ]

    static let contacts: [FieldMapping] = [
        FieldMapping(source: "contact_id", salesforceField: "Id", userField: "salesforce_contact_ids", type: .stringList, isUniqueID: true),
        FieldMapping(source: "contact_email", salesforceField: "Email", userField: "email", type: .string, isUniqueID: true),
        FieldMapping(source: "contact_title", salesforceField: "Title", userField: "title", type: .string),
        FieldMapping(source: "contact_tags", salesforceField: "Tags__c", userField: "tags", type: .stringList),
    ]

    static func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: 1_767_225_600 + seconds) }

    static func lead(_ id: String, email: String?, status: String? = nil, title: String? = nil, at: Double,
                     deleted: Bool = false) -> StreamRecord {
        var f: [String: JSONValue] = ["lead_id": .string(id)]
        if let email { f["lead_email"] = .string(email) }
        if let status { f["lead_status"] = .string(status) }
        if let title { f["lead_title"] = .string(title) }
        return StreamRecord(id: id, timestamp: date(at), isDeleted: deleted, fields: f)
    }

    static func contact(_ id: String, email: String?, title: String? = nil, tags: [String] = [], at: Double) -> StreamRecord {
        var f: [String: JSONValue] = ["contact_id": .string(id)]
        if let email { f["contact_email"] = .string(email) }
        if let title { f["contact_title"] = .string(title) }
        if !tags.isEmpty { f["contact_tags"] = .array(tags.map(JSONValue.string)) }
        return StreamRecord(id: id, timestamp: date(at), fields: f)
    }

    @discardableResult
    func addLeads(_ records: [StreamRecord], checkpoint: Checkpoint? = nil) throws -> AppendResult {
        try store.appendPage(stream: "salesforce_leads", object: "Lead", records: records, mapping: Self.leads, checkpoint: checkpoint)
    }

    @discardableResult
    func addContacts(_ records: [StreamRecord]) throws -> AppendResult {
        try store.appendPage(stream: "salesforce_contacts", object: "Contact", records: records, mapping: Self.contacts)
    }
}
