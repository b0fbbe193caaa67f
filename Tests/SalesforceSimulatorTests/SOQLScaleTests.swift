import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("SOQL scale")
struct SOQLScaleTests {
    @Test("a large scan with WHERE, ORDER BY and LIMIT finishes and is ordered")
    func largeScan() throws {
        let n = 50_000
        let base = Date(timeIntervalSince1970: 1_700_000_000)
        var rows: [[String: SimValue]] = []
        rows.reserveCapacity(n)
        for i in 0..<n {
            rows.append(["Id": .string(String(format: "003%012d", i)), "LastName": .string("Name\(i % 1000)"),
                         "IsDeleted": .bool(false),
                         "SystemModstamp": .datetime(base.addingTimeInterval(Double((i * 7919) % n)))])
        }
        let data = MemoryData(["Contact": rows])
        let q = "SELECT Id, SystemModstamp FROM Contact WHERE SystemModstamp >= 2023-11-14T22:13:20Z "
            + "AND LastName LIKE 'name1%' ORDER BY SystemModstamp ASC, Id ASC LIMIT 2000"
        let r = try SOQLEngine.execute(query: q, schema: Fixture.schema, data: data)
        #expect(r.totalSize == 2000)
        let stamps = r.rows.compactMap { row -> Date? in
            if case .value(.datetime(let d)) = row["SystemModstamp"] { return d } else { return nil }
        }
        #expect(stamps.count == 2000)
        #expect(zip(stamps, stamps.dropFirst()).allSatisfy { $0 <= $1 })
    }
}
