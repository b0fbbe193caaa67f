import Foundation
import SalesforceAPI

/// The SOQL for one window of a plan, built with SalesforceAPI's escaping builder.
///
/// Live rows: `SELECT … FROM O WHERE (ts >= lo AND ts < hi [AND (ts > t OR (ts = t AND Id > id))])
/// ORDER BY ts ASC, Id ASC`. Bulk reads drop the ORDER BY (Bulk API 2.0 does not support it
/// reliably). Deletes: `SELECT Id, SystemModstamp … WHERE IsDeleted = true AND` the same
/// bounds on `SystemModstamp` (a delete moves SystemModstamp, not other timestamps), through
/// `queryAll`.
public enum WindowQuery {
    /// The field whose window finds deletes.
    public static let deleteTimestampField = "SystemModstamp"

    /// The query for the window's current phase.
    /// - Throws: ``ImportError`` `.query` when a name cannot be written in SOQL.
    public static func query(for plan: ImportPlan, window: PendingWindow) throws(ImportError) -> String {
        do {
            switch window.phase {
            case .records:
                var q = try SOQLQuery().select(plan.selectFields)
                for child in plan.children {
                    q = q.select(subquery: try SOQLQuery().select(child.fields).from(child.relationship))
                }
                q = try q.from(plan.object).where(bounds(plan.timestampField, window))
                if window.api == .rest {
                    q = try q.orderBy([(plan.timestampField, true, nil), ("Id", true, nil)])
                }
                return q.render()
            case .deletes:
                let ts = deleteTimestampField
                return try SOQLQuery().select(["Id", ts]).from(plan.object)
                    .where(.and([.eq("IsDeleted", .bool(true)), bounds(ts, window)]))
                    .orderBy([(ts, true, nil), ("Id", true, nil)]).render()
            }
        } catch {
            throw ImportError(.query, object: plan.object, detail: "\(error)",
                              "The query for \(plan.object) could not be built; check the job's field names.")
        }
    }

    /// `SELECT COUNT() …` with the same WHERE as the window's current phase.
    public static func count(for plan: ImportPlan, window: PendingWindow) throws(ImportError) -> String {
        do {
            let ts = window.phase == .records ? plan.timestampField : deleteTimestampField
            var predicate = try bounds(ts, window)
            if window.phase == .deletes { predicate = try .and([.eq("IsDeleted", .bool(true)), predicate]) }
            let text = try SOQLQuery().select(["Id"]).from(plan.object).where(predicate).render()
            return "SELECT COUNT()" + text.dropFirst("SELECT Id".count)
        } catch {
            throw ImportError(.query, object: plan.object, detail: "\(error)",
                              "The count query for \(plan.object) could not be built; check the job's field names.")
        }
    }

    /// `ts >= low AND ts < high`, plus the keyset after the window's position.
    static func bounds(_ ts: String, _ window: PendingWindow) throws -> SOQLPredicate {
        var parts: [SOQLPredicate] = []
        if let low = window.low { parts.append(try .ge(ts, .datetime(low))) }
        parts.append(try .lt(ts, .datetime(window.high)))
        if let after = window.after {
            parts.append(try .keysetAfter(timestampField: ts, timestamp: after.timestamp, id: after.id))
        }
        return try .and(parts)
    }
}
