import ConnectorCore
import Foundation
import ImportEngine
import SalesforceSimulator
import Synchronization

/// A ``RecordSource`` over a ``FakeOrg``: REST pages as JSON (ordered as the SOQL says), Bulk
/// pages as flat text rows. Counts calls; can fail a chosen call.
final class FakeSource: RecordSource {
    let org: FakeOrg
    let pageSize: Int
    let calls = Mutex(0)
    let queries = Mutex<[SourceQuery]>([])
    /// Throws this error on the call with this number (1-based), once.
    let failure = Mutex<(call: Int, error: any Error)?>(nil)

    init(org: FakeOrg, pageSize: Int = 2000) {
        self.org = org
        self.pageSize = pageSize
    }

    func call() throws {
        let n = calls.withLock { $0 += 1; return $0 }
        if let e = failure.withLock({ f -> (any Error)? in
            guard let f, f.call == n else { return nil }
            return f.error
        }) { failure.withLock { $0 = nil }; throw e }
    }

    func describe(_ object: String) async throws -> ObjectSchema {
        try call()
        guard let d = org.describe(object) else { throw FakeFailure(message: "no object \(object)") }
        return d
    }

    func count(_ soql: String) async throws -> Int {
        try call()
        return try org.execute(soql, includeDeleted: false).totalSize
    }

    func open(_ query: SourceQuery) async throws -> any RecordPageStream {
        queries.withLock { $0.append(query) }
        let result = try org.execute(query.soql, includeDeleted: query.includeDeleted)
        let rows = result.rows.map { query.api == .bulk ? SourceRecord.flat(Self.flat($0)) : .json(Self.json($0)) }
        var start = 0
        if let token = query.resumeToken, let offset = Int(token) { start = offset }
        return FakePages(source: self, rows: rows, start: start, pageSize: pageSize, bulk: query.api == .bulk)
    }

    static func json(_ row: SOQLRow) -> [String: JSONValue] {
        var o: [String: JSONValue] = ["attributes": .object(["type": .string(row.object)])]
        for f in row.fields { o[f.key] = json(f.value) }
        return o
    }

    static func json(_ out: SOQLOutput) -> JSONValue {
        switch out {
        case .value(let v): return json(v)
        case .record(let r): return .object(json(r))
        case .subquery(let res):
            return .object(["totalSize": .number(Double(res.totalSize)), "done": .bool(true),
                            "records": .array(res.rows.map { .object(json($0)) })])
        }
    }

    static func json(_ v: SimValue) -> JSONValue {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .number(Double(i))
        case .double(let d): return .number(d)
        case .string(let s), .date(let s): return .string(s)
        case .datetime(let d): return .string(SalesforceDate.format(d).replacingOccurrences(of: "Z", with: "+0000"))
        }
    }

    static func flat(_ row: SOQLRow, prefix: String = "") -> [String: String] {
        var out: [String: String] = [:]
        for f in row.fields {
            switch f.value {
            case .record(let r): out.merge(flat(r, prefix: prefix + f.key + "."), uniquingKeysWith: { a, _ in a })
            case .subquery: break
            case .value(let v):
                switch json(v) {
                case .string(let s): out[prefix + f.key] = s
                case .number(let n): out[prefix + f.key] = n.rounded() == n ? String(Int(n)) : String(n)
                case .bool(let b): out[prefix + f.key] = b ? "true" : "false"
                default: out[prefix + f.key] = ""
                }
            }
        }
        return out
    }
}

struct FakeFailure: Error, CustomStringConvertible { var message: String; var description: String { message } }

/// Pages over a result fixed at open time; each page costs one call.
final class FakePages: RecordPageStream {
    let source: FakeSource
    let rows: [SourceRecord]
    let pageSize: Int
    let bulk: Bool
    let position: Mutex<Int?>

    init(source: FakeSource, rows: [SourceRecord], start: Int, pageSize: Int, bulk: Bool) {
        self.source = source
        self.rows = rows
        self.pageSize = pageSize
        self.bulk = bulk
        position = Mutex(start)
    }

    func next() async throws -> RecordPage? {
        guard let start = position.withLock({ $0 }) else { return nil }
        try source.call()
        let end = min(rows.count, start + pageSize)
        let last = end == rows.count
        position.withLock { $0 = last ? nil : end }
        return RecordPage(records: Array(rows[start..<end]), isLast: last, resumeToken: bulk ? String(end) : nil)
    }
}
