import ConnectorCore
import ExportEngine
import Foundation
import Logging

extension RunExport {
    /// `sfconnect rejected retry JOB`: queues the job's rejected records again (from the profiles as
    /// they are now) and runs one pass, which sends them with anything else pending. A record
    /// Salesforce refuses again is kept as rejected again, with its new error.
    /// - Returns: how many were queued again, and the pass.
    public func retryRejected(clock: any WallClock = SystemWallClock(), logger: Logger) async throws
        -> (requeued: Int, report: ExportRunReport) {
        let (export, session) = try await open(clock: clock, logger: logger)
        defer { session.close() }
        let pass = try await ExportPass.make(job: export, session: session)
        let requeued = try pass.realtime.requeueRejected()
        let report = await pass.run()
        ExportRunLog.log(report, logger: logger)
        return (requeued, report)
    }
}
