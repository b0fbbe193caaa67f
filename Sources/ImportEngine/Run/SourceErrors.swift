import BudgetScheduler
import ConnectorCore
import Foundation
import SalesforceAPI

/// Turns the source's and sink's errors into ``ImportError`` in one place: budget stops become
/// `.budgetPaused` with their wake-up time, cancellation passes through.
enum SourceErrors {
    static func source<T>(object: String, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw classify(error, object: object, sink: false) }
    }

    static func sink<T>(object: String, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw classify(error, object: object, sink: true) }
    }

    static func classify(_ error: any Error, object: String, sink: Bool) -> any Error {
        if error is CancellationError || error is ImportError { return error }
        if let budget = error as? BudgetError, case .stopForBudget(let until) = budget.disposition {
            return paused(object: object, until: until ?? budget.wakeUp, detail: budget.description)
        }
        if let budget = error as? any BudgetStop {
            return paused(object: object, until: budget.resumeAt, detail: "\(error)")
        }
        if let sf = error as? SalesforceError {
            if case .stopForBudget(let until) = sf.disposition {
                return paused(object: object, until: until, detail: sf.description)
            }
            if case .failConfiguration = sf.disposition {
                return ImportError(.refusedBySalesforce, object: object, detail: sf.description,
                                   "Salesforce refused to read \(object); fix the job's fields or the integration user's permissions, then run it again (nothing of it was stored).")
            }
            return ImportError(.source, object: object, detail: sf.description,
                               "Reading \(object) from Salesforce failed; the run stopped at its last stored page and resumes there next time.")
        }
        if sink {
            return ImportError(.sink, object: object, detail: "\(error)",
                               "Storing \(object) failed; nothing of the failed page was kept, and the next run resumes at the last stored page. Check the store file and its disk.")
        }
        return ImportError(.source, object: object, detail: "\(error)",
                           "Reading \(object) failed; the run stopped at its last stored page and resumes there next time.")
    }

    static func paused(object: String, until: Date?, detail: String) -> ImportError {
        ImportError(.budgetPaused, object: object, resumeAt: until, detail: detail,
                    "The API budget is spent; the import paused at its last stored page and resumes there"
                    + (until.map { " at \(SalesforceDate.format($0))" } ?? " when calls age out of the 24-hour window") + ".")
    }
}

/// An error that means "stop for budget until `resumeAt`", for sources other than the
/// Salesforce client (BudgetScheduler's `BudgetError` and `SalesforceError` are recognised as is).
public protocol BudgetStop: Error {
    var resumeAt: Date? { get }
}
