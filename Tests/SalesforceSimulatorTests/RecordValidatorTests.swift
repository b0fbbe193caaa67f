import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Write validation against field metadata")
struct RecordValidatorTests {
    static let lead = WriteObjectRules(name: "Lead", fields: [
        WriteFieldRules(name: "Id", label: "Record ID", type: "id", length: 18, nillable: false, createable: false,
                        updateable: false, defaultedOnCreate: true),
        WriteFieldRules(name: "LastName", label: "Last Name", type: "string", length: 80, nillable: false),
        WriteFieldRules(name: "Company", label: "Company", type: "string", length: 255, nillable: false),
        WriteFieldRules(name: "Email", label: "Email", type: "email", length: 80),
        WriteFieldRules(name: "IsConverted", label: "Converted", type: "boolean", nillable: false, createable: false,
                        updateable: false, defaultedOnCreate: true),
        WriteFieldRules(name: "Rating", label: "Rating", type: "picklist", length: 40, restrictedPicklist: true,
                        picklistValues: ["Hot", "Warm"]),
        WriteFieldRules(name: "NumberOfEmployees", label: "Employees", type: "int"),
        WriteFieldRules(name: "AnnualRevenue", label: "Annual Revenue", type: "currency"),
        WriteFieldRules(name: "ConvertedDate", label: "Converted Date", type: "date"),
        WriteFieldRules(name: "LastTouch__c", label: "Last Touch", type: "datetime"),
        WriteFieldRules(name: "HasOptedOutOfEmail", label: "Email Opt Out", type: "boolean", nillable: false,
                        defaultedOnCreate: true),
    ])
    let v = RecordValidator(object: lead)

    func errors(_ input: WriteInputRecord, _ op: RecordValidator.Operation = .create) throws -> [WriteError] {
        v.check(try v.resolve(input, json: true), operation: op)
    }

    @Test("A complete valid create has no errors and values are coerced to field types")
    func valid() throws {
        let resolved = try v.resolve([("lastname", .text("Smith")), ("Company", .text("Acme")),
                                      ("NumberOfEmployees", .text("12")), ("AnnualRevenue", .number(1.5)),
                                      ("ConvertedDate", .text("2024-01-31")),
                                      ("LastTouch__c", .text("2024-01-31T17:05:09.250+01:00")),
                                      ("HasOptedOutOfEmail", .null)], json: true)
        #expect(v.check(resolved, operation: .create).isEmpty)
        #expect(resolved.map(\.0.name) == ["LastName", "Company", "NumberOfEmployees", "AnnualRevenue",
                                           "ConvertedDate", "LastTouch__c", "HasOptedOutOfEmail"])
        #expect(resolved.map(\.1) == [.string("Smith"), .string("Acme"), .int(12), .double(1.5), .date("2024-01-31"),
                                      .datetime(Date(timeIntervalSince1970: 1_706_717_109)), .bool(false)])
    }

    @Test("Missing required fields are listed in describe order")
    func required() throws {
        #expect(try errors([("Email", .text("a@b.co"))]) == [WriteError(
            code: "REQUIRED_FIELD_MISSING", message: "Required fields are missing: [LastName, Company]",
            fields: ["LastName", "Company"])])
        #expect(try errors([("LastName", .null), ("Company", .text("A"))]).first?.fields == ["LastName"])
    }

    @Test("An update only checks required fields it sets to null")
    func requiredOnUpdate() throws {
        #expect(try errors([("Email", .text("a@b.co"))], .update).isEmpty)
        #expect(try errors([("Company", .null)], .update) == [.requiredMissing(["Company"])])
    }

    @Test("A value longer than the field gets STRING_TOO_LONG with label, value and max length")
    func tooLong() throws {
        let long = String(repeating: "x", count: 81)
        #expect(try errors([("LastName", .text(long)), ("Company", .text("A"))]) == [WriteError(
            code: "STRING_TOO_LONG", message: "Last Name: data value too large: \(long) (max length=80)",
            fields: ["LastName"])])
    }

    @Test("A malformed email gets INVALID_EMAIL_ADDRESS", arguments: ["not-an-email", "a@b", "a b@c.com", "@x.com", "a@.com"])
    func email(bad: String) throws {
        #expect(try errors([("LastName", .text("S")), ("Company", .text("A")), ("Email", .text(bad))]) == [WriteError(
            code: "INVALID_EMAIL_ADDRESS", message: "Email: invalid email address: \(bad)", fields: ["Email"])])
    }

    @Test("A value outside a restricted picklist is refused")
    func picklist() throws {
        #expect(try errors([("LastName", .text("S")), ("Company", .text("A")), ("Rating", .text("Cold"))]) == [WriteError(
            code: "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", message: "Rating: bad value for restricted picklist field: Cold",
            fields: ["Rating"])])
        #expect(try errors([("Rating", .text("Hot"))], .update).isEmpty)
    }

    @Test("An unknown field is INVALID_FIELD naming the column and the sobject")
    func unknownField() {
        #expect(throws: WriteError(code: "INVALID_FIELD", message: "No such column 'Foo__c' on sobject of type Lead")) {
            try v.resolve([("Foo__c", .text("x"))], json: true)
        }
    }

    @Test("A read-only field gets INVALID_FIELD_FOR_INSERT_UPDATE")
    func readOnly() throws {
        let e = try errors([("LastName", .text("S")), ("Company", .text("A")), ("IsConverted", .bool(true))])
        #expect(e == [WriteError(code: "INVALID_FIELD_FOR_INSERT_UPDATE", message:
            "Unable to create/update fields: IsConverted. Please check the security settings of this field and verify "
            + "that it is read/write for your profile or permission set.", fields: ["IsConverted"])])
    }

    @Test("A value that does not fit the type fails: JSON as a parser error, CSV per record")
    func wrongType() {
        #expect(throws: WriteError(code: "JSON_PARSER_ERROR", message:
            "Cannot deserialize instance of int from VALUE_STRING value many or request may be missing a required field")) {
            try v.resolve([("NumberOfEmployees", .text("many"))], json: true)
        }
        #expect(throws: WriteError(code: "INVALID_TYPE_ON_FIELD_IN_RECORD",
                                   message: "Converted Date: value not of required type: 31/01/2024",
                                   fields: ["ConvertedDate"])) {
            try v.resolve([("ConvertedDate", .text("31/01/2024"))], json: false)
        }
    }

    @Test("Per-record and REST renderings use statusCode and errorCode; Bulk text is CODE:message:fields--")
    func renderings() {
        let e = WriteError.requiredMissing(["LastName"])
        #expect(e.recordJSON["statusCode"] as? String == "REQUIRED_FIELD_MISSING")
        #expect(e.recordJSON["errorCode"] == nil)
        #expect(e.restJSON["errorCode"] as? String == "REQUIRED_FIELD_MISSING")
        #expect(e.bulkText == "REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName--")
        #expect(WriteError.entityIsDeleted.bulkText == "ENTITY_IS_DELETED:entity is deleted:--")
    }
}
