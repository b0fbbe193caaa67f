import Foundation

/// The one error type of ExportEngine.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The export job does not fit the Salesforce object; every problem found, in order.
    case invalidJob(job: String, problems: [String])
    /// `run` or `rejected` was given a job file of another kind.
    case notAnExportJob(file: String, kind: String)
    /// The job exports an audience the store does not define.
    case audienceNotDefined(job: String, audience: String)
    /// Salesforce refused the run as a whole (not one record); `detail` is Salesforce's error.
    case salesforce(job: String, detail: String)

    public var description: String {
        switch self {
        case .invalidJob(let job, let problems):
            "Export job \(job) does not fit Salesforce: " + problems.joined(separator: "; ") + "."
        case .notAnExportJob(let file, let kind):
            "\(file) is a kind: \(kind) file, not kind: export_audiences; give an export job file."
        case .audienceNotDefined(let job, let audience):
            "Export job \(job) exports the audience \(audience), which the store does not define; "
                + "define it first with `sfconnect audiences load FILE` (its kind: audience file)."
        case .salesforce(let job, let detail):
            "Export job \(job) stopped: \(detail) Nothing queued is lost; run it again once this is fixed."
        }
    }

    public var errorDescription: String? { description }
}
