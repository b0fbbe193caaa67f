import ConnectorCore
import Foundation

/// Why the API budget refused a call (or could not be used), with the computed wake-up time.
///
/// The engines map it with `disposition`: the pause kinds become
/// `Disposition.stopForBudget(until: wakeUp)`, so the job saves its checkpoint and resumes at
/// `wakeUp`; a call that can never fit and a bad configuration become `failConfiguration`.
public struct BudgetError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        let name: String
        /// The job spent its `max_daily_api_calls` in the last 24 hours.
        public static let jobAllotmentSpent = Kind(name: "jobAllotmentSpent")
        /// The org's budget (daily limit minus the reserve, minus other integrations' use) is spent.
        public static let orgBudgetSpent = Kind(name: "orgBudgetSpent")
        /// Calls are scarce and the rest of the org budget is held for higher priorities.
        public static let reservedForHigherPriority = Kind(name: "reservedForHigherPriority")
        /// Salesforce answered `REQUEST_LIMIT_EXCEEDED`; the org is paused.
        public static let requestLimitExceeded = Kind(name: "requestLimitExceeded")
        /// One request costs more than the job's allotment or the org budget: it can never run.
        public static let costExceedsAllotment = Kind(name: "costExceedsAllotment")
        /// A budget setting is out of range.
        public static let invalidConfiguration = Kind(name: "invalidConfiguration")
        /// The ledger could not be read or written.
        public static let ledgerUnavailable = Kind(name: "ledgerUnavailable")
        public var description: String { name }
    }

    public let kind: Kind
    public let org: String
    public let job: String?
    /// When the job may try again: the moment enough calls age out of the 24-hour window.
    public let wakeUp: Date?
    /// Calls counted against the limit that refused (job or org), and that limit.
    public let used: Int?
    public let limit: Int?
    public let cost: Int?
    /// Extra context (the setting that is wrong, the ledger's error).
    public let detail: String?

    public init(kind: Kind, org: String, job: String? = nil, wakeUp: Date? = nil, used: Int? = nil,
                limit: Int? = nil, cost: Int? = nil, detail: String? = nil) {
        self.kind = kind
        self.org = org
        self.job = job
        self.wakeUp = wakeUp
        self.used = used
        self.limit = limit
        self.cost = cost
        self.detail = detail
    }

    /// True for the kinds that are a pause (resume at `wakeUp`), not a failure.
    public var isPause: Bool {
        [.jobAllotmentSpent, .orgBudgetSpent, .reservedForHigherPriority, .requestLimitExceeded].contains(kind)
    }

    /// The wake-up time under the name the engines' budget-stop protocol uses.
    public var resumeAt: Date? { wakeUp }

    /// What the engine does next.
    public var disposition: Disposition {
        if isPause { return .stopForBudget(until: wakeUp) }
        return kind == .ledgerUnavailable ? .failSystem : .failConfiguration
    }

    public var sentence: String {
        let who = job.map { "Job \($0)" } ?? "The job"
        let when = wakeUp.map { " and resumes at \(Self.format($0)), when enough calls age out of the 24-hour window" } ?? ""
        switch kind {
        case .jobAllotmentSpent:
            return "\(who) spent its max_daily_api_calls on org \(org); it pauses with its checkpoint saved\(when)."
        case .orgBudgetSpent:
            return "Org \(org)'s API budget (daily limit minus reserve_percent and other integrations' use) is spent; \(who.lowercasedFirst) pauses with its checkpoint saved\(when)."
        case .reservedForHigherPriority:
            return "Org \(org) is low on API calls and the rest is held for higher-priority jobs; \(who.lowercasedFirst) pauses with its checkpoint saved\(when)."
        case .requestLimitExceeded:
            return "Salesforce answered REQUEST_LIMIT_EXCEEDED for org \(org); \(who.lowercasedFirst) pauses with its checkpoint saved\(when)."
        case .costExceedsAllotment:
            return "\(who) asked for \(cost ?? 0) calls at once but its limit on org \(org) is \(limit ?? 0); raise max_daily_api_calls (or lower reserve_percent)."
        case .invalidConfiguration:
            return "The API budget for org \(org) is misconfigured: \(detail ?? "a setting is out of range"); fix it and run again."
        case .ledgerUnavailable:
            return "The API-call ledger for org \(org) could not be used (\(detail ?? "storage error")); check the store file and its disk, then run again."
        default:
            return "The API budget for org \(org) refused the call."
        }
    }

    public var description: String {
        var s = sentence
        if let used, let limit, isPause { s += " [\(used)/\(limit) calls in the last 24 hours]" }
        return s
    }
    public var errorDescription: String? { description }

    static func format(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
