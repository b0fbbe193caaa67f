import Foundation
@testable import SalesforceSimulator

/// In-memory data keyed by object name, with an Id index.
struct MemoryData: SOQLDataSource, Sendable {
    var byObject: [String: [SimRecord]] = [:]
    var byId: [String: SimRecord] = [:]

    init(_ objects: [String: [[String: SimValue]]]) {
        for (object, rows) in objects {
            let records = rows.map { SimRecord($0) }
            byObject[object.lowercased()] = records
            for r in records { if let id = r.id { byId[id] = r } }
        }
    }

    func records(of object: String, includeDeleted: Bool) -> [SimRecord] {
        let all = byObject[object.lowercased()] ?? []
        return includeDeleted ? all : all.filter { $0["IsDeleted"] != .bool(true) }
    }

    func record(of object: String, id: String) -> SimRecord? { byId[id] }
}

enum Fixture {
    static func dt(_ s: String) -> SimValue { .datetime(SOQLDates.parseDateTime(s)!) }

    static let schema = SOQLStaticSchema(objects: [
        SOQLObjectSchema(
            name: "Account",
            fields: ["Id": .id, "Name": .string, "Industry": .string, "NumberOfEmployees": .integer,
                     "AnnualRevenue": .double, "IsDeleted": .boolean, "CreatedDate": .datetime,
                     "Founded__c": .date, "Description": .string],
            children: [SOQLRelationship(name: "Contacts", object: "Contact", foreignKey: "AccountId")]),
        SOQLObjectSchema(
            name: "Contact",
            fields: ["Id": .id, "LastName": .string, "Email": .string, "AccountId": .reference,
                     "IsDeleted": .boolean, "SystemModstamp": .datetime],
            parents: [SOQLRelationship(name: "Account", object: "Account", foreignKey: "AccountId")]),
        SOQLObjectSchema(
            name: "Lead",
            fields: ["Id": .id, "Company": .string, "RecordTypeId": .reference, "IsDeleted": .boolean],
            parents: [SOQLRelationship(name: "RecordType", object: "RecordType", foreignKey: "RecordTypeId")]),
        SOQLObjectSchema(name: "RecordType", fields: ["Id": .id, "Name": .string]),
    ])

    static let data = MemoryData([
        "Account": [
            ["Id": .string("001A"), "Name": .string("Acme"), "Industry": .string("Tech"),
             "NumberOfEmployees": .int(100), "AnnualRevenue": .double(1_500_000), "IsDeleted": .bool(false),
             "CreatedDate": dt("2024-01-31T17:05:09Z"), "Founded__c": .date("2020-05-01"),
             "Description": .string("It's a \\ test")],
            ["Id": .string("001B"), "Name": .string("beta corp"), "Industry": .null,
             "NumberOfEmployees": .int(5), "AnnualRevenue": .double(10.5), "IsDeleted": .bool(false),
             "CreatedDate": dt("2024-02-01T00:00:00Z"), "Founded__c": .date("2021-01-01")],
            ["Id": .string("001C"), "Name": .string("Gamma_50%"), "Industry": .string("Retail"),
             "NumberOfEmployees": .null, "IsDeleted": .bool(false),
             "CreatedDate": dt("2023-12-31T23:59:59Z")],
            ["Id": .string("001D"), "Name": .string("Deleted Co"), "Industry": .string("Tech"),
             "NumberOfEmployees": .int(1), "IsDeleted": .bool(true), "CreatedDate": dt("2022-06-01T12:00:00Z")],
        ],
        "Contact": [
            ["Id": .string("003A"), "LastName": .string("Smith"), "AccountId": .string("001A"),
             "Email": .string("smith@example.com"), "IsDeleted": .bool(false)],
            ["Id": .string("003B"), "LastName": .string("Jones"), "AccountId": .string("001A"),
             "IsDeleted": .bool(false)],
            ["Id": .string("003C"), "LastName": .string("Nobody"), "AccountId": .null, "IsDeleted": .bool(false)],
            ["Id": .string("003D"), "LastName": .string("Gone"), "AccountId": .string("001A"),
             "IsDeleted": .bool(true)],
        ],
        "Lead": [
            ["Id": .string("00QA"), "Company": .string("X"), "RecordTypeId": .string("012A")],
            ["Id": .string("00QB"), "Company": .string("Y"), "RecordTypeId": .null],
        ],
        "RecordType": [["Id": .string("012A"), "Name": .string("Partner")]],
    ])

    static func run(_ q: String, all: Bool = false) throws(SOQLError) -> SOQLResult {
        try SOQLEngine.execute(query: q, schema: schema, data: data, includeDeleted: all)
    }

    /// Ids of the result rows, in order.
    static func ids(_ q: String, all: Bool = false) throws -> [String] {
        try run(q, all: all).rows.map { $0.id ?? "?" }
    }

    static func error(_ q: String) -> SOQLError? {
        do { _ = try run(q); return nil } catch { return error }
    }
}
