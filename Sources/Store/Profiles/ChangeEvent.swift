import Foundation

/// One entry of the change feed. Sequences increase; a consumer keeps the last one it
/// handled (``Store/saveConsumerPosition(_:position:)``) and reads on from there.
public struct ChangeEvent: Sendable, Hashable {
    /// What changed. Extensible.
    public struct Kind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        /// A profile appeared (``fields`` names its fields).
        public static let profileCreated = Kind(rawValue: "profile_created")
        /// Resolved fields changed (``fields`` names them).
        public static let profileChanged = Kind(rawValue: "profile_changed")
        /// ``otherProfileID`` was merged into ``profileID`` for good.
        public static let profileMerged = Kind(rawValue: "profile_merged")
        /// The profile entered ``audience``.
        public static let audienceEntered = Kind(rawValue: "audience_entered")
        /// The profile left ``audience`` (also when it was merged into another profile).
        public static let audienceExited = Kind(rawValue: "audience_exited")
        public var description: String { rawValue }
    }

    public var sequence: Int64
    public var at: Date
    public var kind: Kind
    public var profileID: Int64
    public var audience: String?
    /// For a merge: the absorbed profile.
    public var otherProfileID: Int64?
    /// For profile changes: the user fields that changed.
    public var fields: [String]
}
