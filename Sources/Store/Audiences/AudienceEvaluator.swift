import GRDB

/// Keeps audience membership current: for a set of profiles (the changed ones) or for every
/// profile (a new or changed definition), diffs who qualifies now against who is a member,
/// and records each enter and exit in the change feed.
struct AudienceEvaluator {
    let db: Database
    let now: Int64

    struct Definition { var name: String; var whereSQL: String? }

    func definitions() throws -> [Definition] {
        try Row.fetchAll(db, sql: "SELECT name, where_sql FROM audience ORDER BY name").map {
            Definition(name: $0["name"], whereSQL: $0["where_sql"])
        }
    }

    /// Re-evaluates every audience for `profiles` only.
    func evaluate(profiles: [Int64]) throws {
        let defs = try definitions()
        guard !defs.isEmpty else { return }
        var start = 0
        while start < profiles.count {
            let chunk = Array(profiles[start..<min(start + 500, profiles.count)])
            start += chunk.count
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let args = StatementArguments(chunk)
            for d in defs {
                let qualifying = try Set(Int64.fetchAll(db, sql: query(d, restriction: "IN (\(marks))"),
                                                        arguments: d.whereSQL == nil ? [d.name] + args : args))
                let members = try Set(Int64.fetchAll(db, sql: """
                    SELECT profile_id FROM audience_member WHERE audience = ? AND profile_id IN (\(marks))
                    """, arguments: [d.name] + args))
                try apply(d.name, qualifying: qualifying, members: members)
            }
        }
    }

    /// Re-evaluates one audience over every profile (after its definition changed).
    func evaluateAll(_ d: Definition) throws {
        let qualifying = try Set(Int64.fetchAll(db, sql: query(d, restriction: nil),
                                                arguments: d.whereSQL == nil ? [d.name] : []))
        let members = try Set(Int64.fetchAll(db, sql: "SELECT profile_id FROM audience_member WHERE audience = ?",
                                             arguments: [d.name]))
        try apply(d.name, qualifying: qualifying, members: members)
    }

    private func query(_ d: Definition, restriction: String?) -> String {
        if let w = d.whereSQL {
            let r = restriction.map { "profile_id \($0) AND " } ?? ""
            return "SELECT profile_id FROM profile_view WHERE \(r)(\(w))"
        }
        let r = restriction.map { " AND i.profile_id \($0)" } ?? ""
        return """
            SELECT DISTINCT i.profile_id FROM audience_id a JOIN identity i ON i.value = a.value
            WHERE a.audience = ?\(r)
            """
    }

    private func apply(_ audience: String, qualifying: Set<Int64>, members: Set<Int64>) throws {
        let enter = try db.cachedStatement(sql: "INSERT INTO audience_member (audience, profile_id, since) VALUES (?, ?, ?)")
        let leave = try db.cachedStatement(sql: "DELETE FROM audience_member WHERE audience = ? AND profile_id = ?")
        for p in members.subtracting(qualifying).sorted() {
            try leave.execute(arguments: [audience, p])
            try ChangeLog.emit(db, .audienceExited, profile: p, at: now, audience: audience)
        }
        for p in qualifying.subtracting(members).sorted() {
            try enter.execute(arguments: [audience, p, now])
            try ChangeLog.emit(db, .audienceEntered, profile: p, at: now, audience: audience)
        }
    }
}
