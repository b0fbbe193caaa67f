import Logging

/// Logs an export pass as one plain line (and one per problem).
public enum ExportRunLog {
    public static func log(_ r: ExportRunReport, logger: Logger) {
        if r.overflowMembers > 0 {
            logger.warning("audiences left out of the audiences field", metadata: [
                "sf.job": "\(r.job)", "members": "\(r.overflowMembers)", "audiences": "\(r.overflowNames.joined(separator: ","))"])
        }
        if case .failed(let message, _) = r.outcome {
            logger.error("export failed", metadata: ["sf.job": "\(r.job)", "error": "\(message)"])
        }
        guard r.backfilled + r.changed + r.sent + r.rejected + r.skipped > 0 || r.outcome != .completed else { return }
        logger.info("export pass", metadata: ["sf.job": "\(r.job)", "sf.sobject": "\(r.object)", "backfilled": "\(r.backfilled)",
                                              "changed": "\(r.changed)", "sent": "\(r.sent)", "rejected": "\(r.rejected)", "skipped": "\(r.skipped)",
                                              "pending": "\(r.pending)", "api_calls": "\(r.apiCalls)", "outcome": "\(r.outcome)"])
    }
}
