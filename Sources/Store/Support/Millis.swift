import Foundation

/// Dates as INTEGER milliseconds since 1970, the store's one time representation.
enum Millis {
    static func from(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func date(_ ms: Int64) -> Date { Date(timeIntervalSince1970: Double(ms) / 1000) }
    static func dateIfAny(_ ms: Int64?) -> Date? { ms.map { date($0) } }
    static func fromIfAny(_ date: Date?) -> Int64? { date.map { from($0) } }
}
