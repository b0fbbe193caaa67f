import ConnectorCore
import Foundation

/// A gate that lets calls through (or refuses after `allow` calls) and records what it saw.
actor RecordingGate: APICallGate {
    struct Refused: Error {}

    private(set) var acquired = 0
    private(set) var usages: [APIUsage] = []
    private(set) var limitExceeded: [CallPurpose] = []
    private(set) var purposes: Set<CallPurpose> = []
    let allow: Int?

    init(allow: Int? = nil) { self.allow = allow }

    func acquire(cost: Int, for purpose: CallPurpose) async throws {
        if let allow, acquired >= allow { throw Refused() }
        acquired += cost
        purposes.insert(purpose)
    }
    func observe(_ usage: APIUsage) async { usages.append(usage) }
    func observeLimitExceeded(for purpose: CallPurpose) async { limitExceeded.append(purpose) }
}
