import ConnectorCore
import Foundation
import Logging
import SalesforceConnector
import SalesforceSimulator

extension DemoStep {
    /// Prints what the import jobs will cost before they run (the estimate's own calls included).
    static func estimate(_ c: DemoContext, _ report: inout DemoReport) async throws {
        for file in c.jobFiles(prefix: "import-standard") {
            let r = try await EstimateJob(jobFile: file, environment: c.environment, workingDirectory: c.workingDirectory,
                                          mappingsDirectory: c.mappingsDirectory).run()
            report.estimates.append(r.text())
        }
    }

    /// Runs each `export-*.yaml` job once (the backfill), then reads back from the simulator how
    /// many records of the job's object carry an audiences value.
    static func runExports(_ c: DemoContext, _ report: inout DemoReport) async throws {
        var logger = Logger(label: "sfconnect.demo")
        logger.logLevel = .warning
        for file in c.jobFiles(prefix: "export-") {
            let r = try await RunExport(jobFile: file, once: true, storePath: c.storePath, environment: c.environment,
                                        workingDirectory: c.workingDirectory).run(logger: logger)
            guard r.outcome == .completed else {
                throw CommandFailure("\((file as NSString).lastPathComponent) did not complete (\(r.outcome)).")
            }
            report.exports.append(r)
        }
        let rows = try c.sim.store.run("SELECT Id FROM Lead WHERE Lytics_Audiences__c != null").rows
        report.leadsWithAudiences = rows.count
    }
}
