import ConnectorCore
import Definitions
import Foundation
import Logging
import SalesforceConnector
import Store

/// The demo's steps, in the order they run: the budget estimate first, the imports, the
/// audiences, then the audience export; each step adds its own report section.
enum DemoStep: CaseIterable {
    case estimate
    case importStandardObjects
    case defineAudiences
    case exportAudiences

    static var ordered: [DemoStep] { allCases }

    func run(_ c: DemoContext, _ report: inout DemoReport) async throws {
        switch self {
        case .estimate: try await Self.estimate(c, &report)
        case .importStandardObjects: try await Self.runImports(c, &report)
        case .defineAudiences: try Self.defineAudiences(c, &report)
        case .exportAudiences: try await Self.runExports(c, &report)
        }
    }

    /// Runs each `import-standard*.yaml` job once (the four standard objects).
    static func runImports(_ c: DemoContext, _ report: inout DemoReport) async throws {
        let files = c.jobFiles(prefix: "import-standard")
        guard !files.isEmpty else { throw CommandFailure("\(c.jobsDirectory) has no import-standard*.yaml job; run the demo from the sfconnect checkout or give --jobs.") }
        var logger = Logger(label: "sfconnect.demo")
        logger.logLevel = .warning
        for file in files {
            let job = RunJob(jobFile: file, once: true, storePath: c.storePath, environment: c.environment,
                             workingDirectory: c.workingDirectory, mappingsDirectory: c.mappingsDirectory)
            guard let r = try await job.run(logger: logger) else { continue }
            guard r.outcome == .completed else {
                throw CommandFailure("\((file as NSString).lastPathComponent) did not complete (\(r.outcome)): \(r.errors.joined(separator: "; "))")
            }
            report.imports.append(r)
        }
        let store = try Store(path: c.storePath)
        report.streams = try store.streams()
        report.profiles = try store.profileCount()
    }

    /// Defines the audiences of every `audience-*.yaml` job and records their sizes.
    static func defineAudiences(_ c: DemoContext, _ report: inout DemoReport) throws {
        let store = try Store(path: c.storePath)
        for file in c.jobFiles(prefix: "audience-") {
            guard case .audience(let job) = try JobLoader.load(file: file, now: Date()) else { continue }
            _ = try store.defineAudience(ResolvedAudience(job))
        }
        report.audiences = try store.audiences()
    }
}

