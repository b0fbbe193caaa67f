/// The one error type of ExportEngine.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The export job does not fit the Salesforce object; every problem found, in order.
    case invalidJob(job: String, problems: [String])

    public var description: String {
        switch self {
        case .invalidJob(let job, let problems):
            "Export job \(job) does not fit Salesforce: " + problems.joined(separator: "; ") + "."
        }
    }
}
