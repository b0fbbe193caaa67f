import Foundation

/// A prepared query: the matched records in result order, projected on demand page by page.
public final class SOQLCursor: @unchecked Sendable {
    public let object: String
    /// Rows of the whole result (after LIMIT/OFFSET); for `COUNT()` the count.
    public let totalSize: Int
    public let isCount: Bool
    let plan: ChildPlan
    let matched: [SimRecord]
    let includeDeleted: Bool
    private let lock = NSLock()

    init(object: String, plan: ChildPlan, rows: [SimRecord], totalSize: Int, isCount: Bool, includeDeleted: Bool) {
        self.object = object
        self.plan = plan
        matched = rows
        self.totalSize = totalSize
        self.isCount = isCount
        self.includeDeleted = includeDeleted
    }

    /// Projects the rows in `range` (clamped to the result).
    public func rows(_ range: Range<Int>, data: any SOQLDataSource) -> [SOQLRow] {
        let lo = max(0, min(range.lowerBound, matched.count))
        let hi = max(lo, min(range.upperBound, matched.count))
        lock.lock()
        defer { lock.unlock() }
        return SOQLEngine.project(matched[lo..<hi], plan: plan, object: object, data: data,
                                  includeDeleted: includeDeleted)
    }
}
