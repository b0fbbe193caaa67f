import Testing
@testable import SalesforceSimulator

@Suite("SOQL errors")
struct SOQLErrorTests {
    @Test("unknown field is INVALID_FIELD with Salesforce's message")
    func unknownField() {
        let e = Fixture.error("SELECT Id, Foo FROM Account")
        #expect(e?.errorCode == "INVALID_FIELD")
        #expect(e?.message == "No such column 'Foo' on entity 'Account'. If you are attempting to use a custom "
            + "field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the "
            + "describe call for the appropriate names.")
        #expect(Fixture.error("SELECT Id FROM Account WHERE Bar = 1")?.message.hasPrefix("No such column 'Bar'") == true)
        let parentField = Fixture.error("SELECT Account.Nope FROM Contact")
        #expect(parentField?.message.hasPrefix("No such column 'Nope' on entity 'Account'.") == true)
    }

    @Test("unknown object is INVALID_TYPE")
    func unknownObject() {
        let e = Fixture.error("SELECT Id FROM Foo__c")
        #expect(e?.errorCode == "INVALID_TYPE")
        #expect(e?.message == "sObject type 'Foo__c' is not supported. If you are attempting to use a custom "
            + "object, be sure to append the '__c' after the entity name. Please reference your WSDL or the "
            + "describe call for the appropriate names.")
    }

    @Test("bad relationship is INVALID_FIELD")
    func badRelationship() {
        let e = Fixture.error("SELECT Foo.Name FROM Contact")
        #expect(e?.errorCode == "INVALID_FIELD")
        #expect(e?.message == "Didn't understand relationship 'Foo' in field path. If you are attempting to use a "
            + "custom relationship, be sure to append the '__r' after the custom relationship name. Please "
            + "reference your WSDL or the describe call for the appropriate names.")
        let child = Fixture.error("SELECT Id, (SELECT Id FROM Leads) FROM Account")
        #expect(child?.errorCode == "INVALID_TYPE")
        #expect(child?.message.hasPrefix("Didn't understand relationship 'Leads' in FROM part of query call.") == true)
    }

    @Test("unexpected token is MALFORMED_QUERY with row and column")
    func malformed() {
        let e = Fixture.error("SELECT Id FRM Account")
        #expect(e?.errorCode == "MALFORMED_QUERY")
        #expect(e?.message == "\nSELECT Id FRM Account\n          ^\nERROR at Row:1:Column:11\nunexpected token: 'FRM'")
        #expect(Fixture.error("SELECT Id FROM Account WHERE")?.message.hasSuffix("unexpected token: '<EOF>'") == true)
        #expect(Fixture.error("SELECT * FROM Account")?.message.hasSuffix("unexpected token: '*'") == true)
        let mixed = Fixture.error("SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'")
        #expect(mixed?.message.hasSuffix("ERROR at Row:1:Column:56\nunexpected token: 'OR'") == true)
        let second = Fixture.error("SELECT Id\nFROM Account LIMIT x")
        #expect(second?.message == "\nFROM Account LIMIT x\n                   ^\nERROR at Row:2:Column:20\nunexpected token: 'x'")
        let badDate = Fixture.error("SELECT Id FROM Account WHERE CreatedDate > 2024-01-31T17:05:09 01:00")
        #expect(badDate?.errorCode == "MALFORMED_QUERY")
        #expect(Fixture.error(#"SELECT Id FROM Account WHERE Name = 'a\q'"#)?.errorCode == "MALFORMED_QUERY")
        #expect(Fixture.error("SELECT Id, COUNT() FROM Account")?.errorCode == "MALFORMED_QUERY")
    }

    @Test("date and datetime literals must match the field type")
    func literalTypes() {
        let quoted = Fixture.error("SELECT Id FROM Account WHERE CreatedDate > '2024-01-01T00:00:00Z'")
        #expect(quoted?.errorCode == "INVALID_FIELD")
        #expect(quoted?.message == "value of filter criterion for field 'CreatedDate' must be of type dateTime "
            + "and should not be enclosed in quotes")
        let dateForDatetime = Fixture.error("SELECT Id FROM Account WHERE CreatedDate > 2024-01-01")
        #expect(dateForDatetime == quoted)
        let datetimeForDate = Fixture.error("SELECT Id FROM Account WHERE Founded__c > 2024-01-01T00:00:00Z")
        #expect(datetimeForDate?.message == "value of filter criterion for field 'Founded__c' must be of type "
            + "date and should not be enclosed in quotes")
        let unquoted = Fixture.error("SELECT Id FROM Account WHERE Name = 5")
        #expect(unquoted?.message == "value of filter criterion for field 'Name' must be of type string and "
            + "should be enclosed in quotes")
    }
}
