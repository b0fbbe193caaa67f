import ConnectorCore
import Foundation
import ImportEngine
import SalesforceSimulator

/// Small schemas for engine tests.
enum Fixtures {
    static let t0 = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    static let leadFields: [String: SOQLFieldType] = [
        "Id": .id, "Email": .string, "LastName": .string, "Company": .string, "NumberOfEmployees": .integer,
        "HasOptedOutOfEmail": .boolean, "CreatedDate": .datetime, "SystemModstamp": .datetime,
        "IsDeleted": .boolean, "Rating__c": .string,
    ]

    static var leadDescribe: ObjectSchema {
        ObjectSchema(name: "Lead", fields: [
            .init(name: "Id", type: "id"), .init(name: "Email", type: "email"), .init(name: "LastName", type: "string"),
            .init(name: "Company", type: "string"), .init(name: "NumberOfEmployees", type: "int"),
            .init(name: "HasOptedOutOfEmail", type: "boolean"), .init(name: "CreatedDate", type: "datetime"),
            .init(name: "SystemModstamp", type: "datetime"), .init(name: "IsDeleted", type: "boolean"),
            .init(name: "Rating__c", type: "string"),
        ])
    }

    static let leadRows: [FieldMapping] = [
        FieldMapping(source: "lead_id", salesforceField: "Id", userField: "salesforce_lead_ids", type: .stringList, isUniqueID: true),
        FieldMapping(source: "lead_email", salesforceField: "Email", userField: "email", type: .string, isUniqueID: true),
        FieldMapping(source: "lead_email", salesforceField: "Email", userField: "emaildomains", type: .stringList, derivation: .emailDomain),
        FieldMapping(source: "salesforce_last_user_imported", salesforceField: nil, userField: "salesforce_last_user_imported",
                     type: .date, derivation: .importTime),
        FieldMapping(source: "lead_last_name", salesforceField: "LastName", userField: "salesforce_lead_last_name", type: .string),
        FieldMapping(source: "lead_number_of_employees", salesforceField: "NumberOfEmployees",
                     userField: "salesforce_lead_number_of_employees", type: .int),
        FieldMapping(source: "lead_created_date", salesforceField: "CreatedDate", userField: "salesforce_lead_created_date", type: .date),
        FieldMapping(source: "lead_record_type", salesforceField: "RecordType.Name", userField: "salesforce_lead_record_type", type: .string),
    ]

    /// An org with the Lead object (no record types) and a lead spec over it.
    static func leadOrg() -> FakeOrg {
        let org = FakeOrg()
        org.define(SOQLObjectSchema(name: "Lead", fields: leadFields), describe: leadDescribe)
        return org
    }

    static func leadSpec(api: APISetting = .rest, lookback: TimeInterval = 300, additional: [String] = [],
                         threshold: Int = APIChoice.defaultBulkThreshold) -> ObjectImportSpec {
        ObjectImportSpec(object: "Lead", stream: "salesforce_leads",
                         planner: ImportPlanner(defaultRows: leadRows, additionalFields: additional),
                         windows: WindowSettings(lag: 120, lookback: lookback),
                         api: APIChoice(setting: api, bulkThreshold: threshold))
    }

    @discardableResult
    static func addLeads(_ org: FakeOrg, _ n: Int, at modstamp: Date, employees: SimValue = .int(10)) -> [String] {
        (0..<n).map { i in
            org.insert("Lead", prefix: "00Q", at: modstamp, [
                "Email": .string("person\(i)@Example.com"), "LastName": .string("Last\(i)"), "Company": .string("Co"),
                "NumberOfEmployees": employees, "HasOptedOutOfEmail": .bool(false),
                "CreatedDate": .datetime(modstamp),
            ])
        }
    }

    /// The (Id, SystemModstamp) versions the org holds now, live rows only.
    static func versions(_ org: FakeOrg, _ object: String = "Lead") -> Set<String> {
        Set(org.rows(object).map { r in
            guard case .datetime(let d) = r["SystemModstamp"] else { return "" }
            return "\(r.id ?? "")@\(d.timeIntervalSince1970)"
        })
    }

    static func versions(_ records: [StreamRecord], deleted: Bool = false) -> [String] {
        records.filter { $0.isDeleted == deleted }.map { "\($0.id)@\($0.timestamp.timeIntervalSince1970)" }
    }
}
