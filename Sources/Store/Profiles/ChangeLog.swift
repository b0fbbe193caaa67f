import GRDB

/// Appends to the change feed; the sequence is the table's increasing key.
enum ChangeLog {
    static func emit(_ db: Database, _ kind: ChangeEvent.Kind, profile: Int64, at: Int64, audience: String? = nil,
                     other: Int64? = nil, fields: [String]? = nil) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO change (at, kind, profile_id, audience, other_profile, fields) VALUES (?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [at, kind.rawValue, profile, audience, other,
                                          fields.map { JSONText.encode(.array($0.map { .string($0) })) }])
    }
}
