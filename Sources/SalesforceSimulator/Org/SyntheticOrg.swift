import Foundation

/// A deterministic synthetic org (placeholder until the generator lands).
public struct SyntheticOrg: Sendable {
    public var seed: UInt64
    public var sizes: OrgSizes

    public init(seed: UInt64, sizes: OrgSizes) {
        self.seed = seed
        self.sizes = sizes
    }

    public func populate(_ store: OrgStore) {}
}
