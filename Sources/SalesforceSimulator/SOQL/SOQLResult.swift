/// One selected column of a result row.
public struct SOQLField: Sendable, Equatable {
    public var key: String
    public var value: SOQLOutput
}

/// A column value: a scalar (possibly null), a nested parent record, or a child subquery result.
public indirect enum SOQLOutput: Sendable, Equatable {
    case value(SimValue)
    case record(SOQLRow)
    case subquery(SOQLResult)

    public static let null = SOQLOutput.value(.null)

    public var isNull: Bool { if case .value(.null) = self { return true } else { return false } }
}

/// A result row with columns in select order; `object` and `id` feed the `attributes` block.
public struct SOQLRow: Sendable, Equatable {
    public var object: String
    public var id: String?
    public var fields: [SOQLField]

    /// Case-insensitive column lookup.
    public subscript(key: String) -> SOQLOutput? {
        let k = key.lowercased()
        return fields.first { $0.key.lowercased() == k }?.value
    }

    /// Follows a dotted path (`Account.Name`) through nested parent records.
    public func value(at path: String) -> SOQLOutput? {
        var row = self
        let parts = path.split(separator: ".").map(String.init)
        for (i, p) in parts.enumerated() {
            guard let v = row[p] else { return nil }
            if i == parts.count - 1 { return v }
            guard case .record(let next) = v else { return v.isNull ? .null : nil }
            row = next
        }
        return nil
    }
}

/// The whole result of a query (`done` is always true: paging is the caller's business).
public struct SOQLResult: Sendable, Equatable {
    public var object: String
    public var totalSize: Int
    public var rows: [SOQLRow]
    public var done: Bool { true }
}
