import Synchronization

/// What an export run noticed but did not fail on: members whose exported audiences did not all
/// fit in the audiences field (the names left out, so no `STRING_TOO_LONG` reaches Salesforce),
/// and members not written because the lookup found no record and `create_missing` is false.
public final class ExportWarnings: Sendable {
    private let overflow = Mutex<[Int64: [String]]>([:])
    private let skipped = Mutex(0)

    public init() {}

    /// Notes that `names` were left out of `profileID`'s audiences field.
    func noteOverflow(profileID: Int64, names: [String]) {
        guard !names.isEmpty else { return }
        overflow.withLock { $0[profileID] = names }
    }

    /// How many members had audience names left out.
    public var overflowMembers: Int { overflow.withLock { $0.count } }

    /// Every audience name left out at least once, sorted.
    public var overflowNames: [String] { overflow.withLock { Set($0.values.joined()).sorted() } }

    /// Notes `count` members skipped under `create_missing: false`.
    func noteSkipped(_ count: Int) {
        guard count > 0 else { return }
        skipped.withLock { $0 += count }
    }

    /// How many outbox entries were skipped (no match, `create_missing: false`) since this runner started.
    public var skippedMembers: Int { skipped.withLock { $0 } }
}
