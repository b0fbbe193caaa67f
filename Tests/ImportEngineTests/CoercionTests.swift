import ConnectorCore
import Foundation
import ImportEngine
import Testing

@Suite("ValueCoercion and SalesforceDate")
struct CoercionTests {
    @Test("values that fit their type are coerced, Bulk text included", arguments: [
        (JSONValue.string("12"), FieldType.int, JSONValue.number(12)),
        (.number(3), .int, .number(3)),
        (.string("2.5"), .number, .number(2.5)),
        (.string("TRUE"), .bool, .bool(true)),
        (.bool(false), .bool, .bool(false)),
        (.number(42), .string, .string("42")),
        (.string("x"), .stringList, .array([.string("x")])),
        (.array([.string("a"), .null, .string("b")]), .stringList, .array([.string("a"), .string("b")])),
        (.string("2024-01-31T17:05:09.000+0000"), .date, .string("2024-01-31T17:05:09.000Z")),
        (.string("2024-01-31T18:05:09+01:00"), .date, .string("2024-01-31T17:05:09.000Z")),
        (.string("2024-02-29"), .date, .string("2024-02-29")),
        (.null, .int, .null),
    ])
    func fits(input: JSONValue, type: FieldType, expected: JSONValue) {
        #expect(ValueCoercion.coerce(input, to: .typed(type)) == expected)
    }

    @Test("values that do not fit are refused", arguments: [
        (JSONValue.string("twelve"), FieldType.int), (.number(2.5), .int), (.string("yes"), .bool),
        (.string("2024-02-30"), .date), (.string("31/01/2024"), .date), (.object([:]), .string), (.bool(true), .number),
    ])
    func misfits(input: JSONValue, type: FieldType) {
        #expect(ValueCoercion.coerce(input, to: .typed(type)) == nil)
    }

    @Test("the email domain is the lower-cased part after the @")
    func emailDomain() {
        #expect(ValueCoercion.emailDomain(.string("Ann@Example.COM")) == .array([.string("example.com")]))
        #expect(ValueCoercion.emailDomain(.string("not-an-email")) == nil)
        #expect(ValueCoercion.emailDomain(.null) == .null)
    }

    @Test("dates round-trip through the fast formatter")
    func dates() {
        for s in [0.0, 951_782_400, 1_767_225_599.25, -86_400] {
            let d = Date(timeIntervalSince1970: s)
            #expect(SalesforceDate.instant(SalesforceDate.format(d)) == d)
        }
        #expect(SalesforceDate.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
    }
}
