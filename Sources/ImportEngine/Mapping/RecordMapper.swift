import ConnectorCore
import Foundation

/// Maps source rows to stream records (`ConnectorCore.StreamRecord`) by a plan: reads each
/// column's path, fills derived source fields (`import_time` = the run's start, `child_ids` = the
/// child rows' ids), and coerces to the column's type. A value that does not fit becomes null and
/// is counted per source field; the run reports the counts. User (profile) fields, including
/// `emaildomains`, are derived from these source fields by the Store through the same mapping.
public struct RecordMapper: Sendable {
    public let plan: ImportPlan
    public let importTime: Date
    /// Values that did not fit their type, by source field (and `"<rel> (children truncated)"`).
    public private(set) var misfits: [String: Int] = [:]
    private let importTimeText: String
    private let timestampPath: [String]

    public init(plan: ImportPlan, importTime: Date) {
        self.plan = plan
        self.importTime = importTime
        self.importTimeText = SalesforceDate.format(importTime)
        self.timestampPath = [plan.timestampField]
    }

    /// The key of a row: its Id and the value of `timestampField`.
    /// - Throws: ``ImportError`` `.missingKey` when either is missing or unreadable.
    public func key(of row: SourceRecord, timestampField: String? = nil) throws(ImportError) -> KeysetPosition {
        guard case .string(let id) = row.value(at: ["Id"]), !id.isEmpty else {
            throw ImportError(.missingKey, object: plan.object, field: "Id",
                              "A \(plan.object) row came without an Id; the page was not stored. Run the job again; if it repeats, report it.")
        }
        let field = timestampField ?? plan.timestampField
        let raw = timestampField == nil ? row.value(at: timestampPath) : row.value(at: [field])
        guard case .string(let text) = raw, let ts = SalesforceDate.instant(text) else {
            throw ImportError(.missingKey, object: plan.object, field: field,
                              "\(plan.object) \(id) has no readable \(field); the page was not stored. Pick a timestamp_field that is always set (SystemModstamp is).")
        }
        return KeysetPosition(timestamp: ts, id: id)
    }

    /// Maps a live row.
    public mutating func map(_ row: SourceRecord, key: KeysetPosition) -> StreamRecord {
        var fields: [String: JSONValue] = [:]
        fields.reserveCapacity(plan.columns.count)
        for column in plan.columns {
            let raw = read(column, row)
            if column.derivation == .emailDomain {
                // The source field holds the email; the Store derives the domain from it.
                if fields[column.source] == nil { fields[column.source] = ValueCoercion.coerce(raw, to: .typed(.string)) ?? .null }
                continue
            }
            let input = column.derivation == .importTime ? JSONValue.string(importTimeText) : raw
            if let fit = ValueCoercion.coerce(input, to: column.kind) { fields[column.source] = fit } else {
                fields[column.source] = .null
                misfits[column.source, default: 0] += 1
            }
        }
        return StreamRecord(id: key.id, timestamp: key.timestamp, fields: fields)
    }

    /// A tombstone for a deleted row.
    public func tombstone(key: KeysetPosition) -> StreamRecord {
        StreamRecord(id: key.id, timestamp: key.timestamp, isDeleted: true, fields: [:])
    }

    private mutating func read(_ column: PlannedColumn, _ row: SourceRecord) -> JSONValue {
        switch column.path {
        case .field(let path): return row.value(at: path)
        case .none: return .null
        case .child(let rel, let field):
            guard let (values, complete) = row.childValues(relationship: rel, field: field) else { return .array([]) }
            if !complete { misfits["\(rel) (children truncated)", default: 0] += 1 }
            return .array(values)
        }
    }

    /// One warning line per source field with misfits, sorted by field.
    public var misfitWarnings: [String] {
        misfits.keys.sorted().map { source in
            let n = misfits[source] ?? 0
            if source.hasSuffix("(children truncated)") {
                return "\(plan.object): \(n) row(s) had more children in \(source.dropLast(21)) than Salesforce returned in one page; their id lists hold the first page only."
            }
            return "\(plan.object): \(n) value(s) of \(source) did not fit the mapping type and were stored as null."
        }
    }
}
