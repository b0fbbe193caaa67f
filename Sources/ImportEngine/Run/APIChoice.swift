/// The job's `api` setting.
public enum APISetting: String, Sendable, Hashable, CaseIterable {
    case auto, rest, bulk
}

/// Chooses REST or Bulk API 2.0 for a window (salesforce-api.md §7.5).
///
/// `auto`: Bulk for a first load of at least `bulkThreshold` rows (default 10,000, counted with
/// `SELECT COUNT()`), when the plan selects nothing Bulk cannot read (compound address/location
/// fields, base64, child subqueries); REST otherwise and for every later (incremental) window.
/// `bulk`: Bulk whenever the plan allows it; a plan Bulk cannot read falls back to REST with a
/// warning naming the fields. `rest`: always REST. Deletes are always read with REST `queryAll`.
public struct APIChoice: Sendable, Hashable {
    public var setting: APISetting
    public var bulkThreshold: Int

    public static let defaultBulkThreshold = 10_000

    public init(setting: APISetting = .auto, bulkThreshold: Int = APIChoice.defaultBulkThreshold) {
        self.setting = setting
        self.bulkThreshold = bulkThreshold
    }

    /// Whether the choice needs the window's row count.
    public func needsCount(isFirstLoad: Bool, plan: ImportPlan) -> Bool {
        setting == .auto && isFirstLoad && plan.bulkIncompatible.isEmpty
    }

    /// The API for a window, and a warning when a forced Bulk read falls back to REST.
    public func choose(isFirstLoad: Bool, count: Int?, plan: ImportPlan) -> (QueryAPI, warning: String?) {
        switch setting {
        case .rest: return (.rest, nil)
        case .bulk:
            guard plan.bulkIncompatible.isEmpty else {
                return (.rest, "\(plan.object): api is bulk but Bulk API 2.0 cannot read "
                        + plan.bulkIncompatible.joined(separator: ", ") + "; reading with REST instead.")
            }
            return (.bulk, nil)
        case .auto:
            guard isFirstLoad, plan.bulkIncompatible.isEmpty, let count, count >= bulkThreshold else { return (.rest, nil) }
            return (.bulk, nil)
        }
    }
}
