import ConnectorCore
import Foundation
import ImportEngine
import Testing

@Suite("RecordMapper")
struct RecordMapperTests {
    let plan = try! ImportPlanner(defaultRows: Fixtures.leadRows, additionalFields: ["HasOptedOutOfEmail"])
        .plan(stream: "salesforce_leads", schema: Fixtures.leadDescribe)

    func row(_ employees: JSONValue) -> SourceRecord {
        .json(["Id": .string("00Q1"), "SystemModstamp": .string("2026-01-01T00:00:05.000+0000"),
               "Email": .string("Ann@Example.com"), "LastName": .string("Lee"), "NumberOfEmployees": employees,
               "CreatedDate": .string("2025-12-31T10:00:00.000+0000"), "HasOptedOutOfEmail": .bool(true)])
    }

    @Test("maps source fields with derivations and types")
    func maps() throws {
        var mapper = RecordMapper(plan: plan, importTime: Fixtures.t0)
        let key = try mapper.key(of: row(.number(12)))
        #expect(key == KeysetPosition(timestamp: Fixtures.t0.addingTimeInterval(5), id: "00Q1"))
        let r = mapper.map(row(.number(12)), key: key)
        #expect(r.fields["lead_email"] == .string("Ann@Example.com"))
        #expect(r.fields["lead_id"] == .array([.string("00Q1")]))
        #expect(r.fields["lead_number_of_employees"] == .number(12))
        #expect(r.fields["lead_created_date"] == .string("2025-12-31T10:00:00.000Z"))
        #expect(r.fields["HasOptedOutOfEmail"] == .bool(true))
        #expect(r.fields["salesforce_last_user_imported"] == .string("2026-01-01T00:00:00.000Z"))
        #expect(r.fields["emaildomains"] == nil, "the Store derives user fields from source fields")
        #expect(r.fields.count == 7)
        #expect(mapper.misfits.isEmpty)
    }

    @Test("a value that does not fit is stored as null and counted, never a crash")
    func misfit() throws {
        var mapper = RecordMapper(plan: plan, importTime: Fixtures.t0)
        for _ in 0..<3 { _ = mapper.map(row(.string("lots")), key: try mapper.key(of: row(.string("lots")))) }
        let r = mapper.map(row(.string("many")), key: KeysetPosition(timestamp: Fixtures.t0, id: "00Q1"))
        #expect(r.fields["lead_number_of_employees"] == .null)
        #expect(mapper.misfits == ["lead_number_of_employees": 4])
        #expect(mapper.misfitWarnings == ["Lead: 4 value(s) of lead_number_of_employees did not fit the mapping type and were stored as null."])
    }

    @Test("a row without Id or timestamp is refused with the field named")
    func missingKey() {
        let mapper = RecordMapper(plan: plan, importTime: Fixtures.t0)
        #expect { try mapper.key(of: .json(["Id": .string("00Q1")])) } throws: {
            ($0 as? ImportError)?.kind == .missingKey && "\($0)".contains("SystemModstamp")
        }
        #expect(throws: ImportError.self) { try mapper.key(of: .json(["SystemModstamp": .string("2026-01-01T00:00:00Z")])) }
    }

    @Test("child ids become a list; Bulk text rows map like JSON")
    func childAndFlat() throws {
        let schema = ObjectSchema(name: "Account", fields: [.init(name: "Id", type: "id"), .init(name: "SystemModstamp", type: "datetime")],
                                  childRelationships: ["Contacts": "Contact"])
        let row = FieldMapping(source: "account_contact_id", salesforceField: "Contacts.Id", userField: "salesforce_contact_ids",
                               type: .stringList, isUniqueID: true, derivation: .childIds)
        var m = RecordMapper(plan: try ImportPlanner(defaultRows: [row]).plan(stream: "a", schema: schema), importTime: Fixtures.t0)
        let json = SourceRecord.json(["Id": .string("001"), "SystemModstamp": .string("2026-01-01T00:00:00.000+0000"),
                                      "Contacts": .object(["done": .bool(true), "records": .array([.object(["Id": .string("003a")]),
                                                                                                  .object(["Id": .string("003b")])])])])
        #expect(m.map(json, key: try m.key(of: json)).fields["account_contact_id"] == .array([.string("003a"), .string("003b")]))
        let none = SourceRecord.json(["Id": .string("002"), "SystemModstamp": .string("2026-01-01T00:00:00Z"), "Contacts": .null])
        #expect(m.map(none, key: try m.key(of: none)).fields["account_contact_id"] == .array([]))

        var lead = RecordMapper(plan: plan, importTime: Fixtures.t0)
        let flat = SourceRecord.flat(["Id": "00Q2", "SystemModstamp": "2026-01-01T00:00:05.000Z", "Email": "",
                                      "NumberOfEmployees": "7", "HasOptedOutOfEmail": "false"])
        let r = lead.map(flat, key: try lead.key(of: flat))
        #expect(r.fields["lead_number_of_employees"] == .number(7))
        #expect(r.fields["lead_email"] == .null)
        #expect(r.fields["HasOptedOutOfEmail"] == .bool(false))
    }
}
