import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceSimulator
import Store

/// A fresh store file with `count` profiles (one `source_leads` record each: email
/// `m<i>@example.com`, last name, company, lytics id `u<i>`), all in audience `vip`; `fields`
/// overrides a profile's record fields and `mapping` maps them (a mapping with more fields adds
/// profile fields). Returns the store and its folder (remove it after).
func exportStore(members count: Int, fields: (Int) -> [String: JSONValue] = { _ in [:] },
                 audiences: [String: ClosedRange<Int>] = [:], mapping: [FieldMapping] = exportMapping) throws -> (Store, URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let store = try Store(path: dir.appendingPathComponent("store.sqlite").path)
    let records = (1...count).map { i in
        StreamRecord(id: "src\(i)", timestamp: Date(timeIntervalSince1970: 1_767_225_600),
                     fields: ["lead_email": .string("m\(i)@example.com"), "lead_last": .string("Member\(i)"),
                              "lead_company": .string("Acme"), "lead_uid": .string("u\(i)")].merging(fields(i)) { $1 })
    }
    _ = try store.appendPage(stream: "source_leads", object: "Lead", records: records, mapping: mapping)
    try store.defineAudience(ResolvedAudience(name: "vip", selection: .members((1...count).map { "m\($0)@example.com" })))
    for (name, range) in audiences {
        try store.defineAudience(ResolvedAudience(name: name, selection: .members(range.map { "m\($0)@example.com" })))
    }
    return (store, dir)
}

let exportMapping: [FieldMapping] = [
    FieldMapping(source: "lead_email", salesforceField: "Email", userField: "email", type: .string, isUniqueID: true),
    FieldMapping(source: "lead_last", salesforceField: "LastName", userField: "last_name", type: .string),
    FieldMapping(source: "lead_company", salesforceField: "Company", userField: "company", type: .string),
    FieldMapping(source: "lead_uid", salesforceField: nil, userField: "lytics_id", type: .string),
    FieldMapping(source: "lead_title", salesforceField: "Title", userField: "title", type: .string),
]

/// An export of `vip` members to Lead: LastName, Company, Email (and Lytics_Id__c when `uid`).
func leadExport(match: String?, api: APIMode = .auto, audiences: [String] = ["vip"], sendAudiencesTo: String? = nil,
                uid: Bool = false, onDuplicate: DuplicatePolicy = .updateMatch, triggers: [String] = []) -> ExportAudiencesJob {
    ExportAudiencesJob(name: "export-leads", source: SourceLocation(file: "j.yaml", line: 1), label: "L",
                       authorization: .named("simulator"), audiences: audiences, object: "Lead", matchField: match,
                       sendAudiencesTo: sendAudiencesTo,
                       requiredFields: [FieldPair(profileField: "last_name", salesforceField: "LastName"),
                                        FieldPair(profileField: "company", salesforceField: "Company")],
                       extraFields: [FieldPair(profileField: "email", salesforceField: "Email")]
                           + (uid ? [FieldPair(profileField: "lytics_id", salesforceField: "Lytics_Id__c")] : []),
                       triggerFields: triggers, api: api, onDuplicate: onDuplicate)
}

/// An org whose Lead has an External ID `Lytics_Id__c` and a 255-character `Lytics_Audiences__c`.
func lyticsLeadOrg() throws -> (OrgSetup, URL) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString).json")
    let json = """
    {"objects": [{"name": "Lead", "fields": [
      {"name": "Lytics_Id__c", "type": "string", "length": 64, "externalId": true, "unique": true},
      {"name": "Lytics_Audiences__c", "type": "string", "length": 255}]}]}
    """
    try Data(json.utf8).write(to: url)
    return (OrgSetup(schemaFile: url.path), url)
}

/// POSTs `json` to a simulator admin endpoint.
@discardableResult
func simulatorAdmin(_ sim: RunningSimulator, _ t: CurlTransport, _ path: String, _ json: String) async throws -> HTTPResponse {
    try await t.send(HTTPRequest(method: "POST", url: sim.baseURL + path,
                                 headers: ["Content-Type": "application/json"], body: Data(json.utf8)))
}
