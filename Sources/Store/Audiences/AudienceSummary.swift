import ConnectorCore
import Foundation

/// An audience as `audiences list` shows it.
public struct AudienceSummary: Sendable, Hashable {
    public var name: String
    public var description: String
    /// The `where` expression, or nil for an explicit member list.
    public var whereSQL: String?
    /// Current members.
    public var size: Int
    public var updatedAt: Date
}

/// What defining (or redefining) an audience did to its membership.
public struct AudienceUpdate: Sendable, Hashable {
    public var entered: Int
    public var exited: Int
    /// False when the stored definition was already the same (nothing re-evaluated).
    public var changed: Bool
}
