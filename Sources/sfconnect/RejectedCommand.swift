import ArgumentParser
import ConnectorCore
import Definitions
import ExportEngine
import Foundation
import Logging
import SalesforceConnector
import Store

/// `sfconnect rejected list|retry JOB`: the records Salesforce refused for an export job.
struct RejectedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejected", abstract: "List or retry the records Salesforce refused for an export job.",
        subcommands: [RejectedList.self, RejectedRetry.self])
}

struct RejectedList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the export job's rejected records: when, profile, Salesforce's error code and message.")
    @Argument(help: "The export job file, or the job's name.") var job: String
    @Flag(help: "One JSON object per record (NDJSON), with the payload that was sent.") var json = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        let name = try Self.jobName(job)
        let records = try store.open().rejectedRecords(job: name)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for r in records {
                let line: JSONValue = .object(["id": .number(Double(r.id)), "job": .string(r.job), "profile_id": .number(Double(r.profileID)),
                                               "error_code": .string(r.errorCode), "message": .string(r.message),
                                               "at": .string(ISO8601DateFormatter().string(from: r.at)), "payload": .object(r.payload)])
                print(String(decoding: try encoder.encode(line), as: UTF8.self))
            }
            return
        }
        guard !records.isEmpty else { print("\(name): no rejected records"); return }
        for r in records {
            print("\(ISO8601DateFormatter().string(from: r.at))  profile \(r.profileID)  \(r.errorCode)  \(r.message)")
        }
        print("\(records.count) rejected; send them again with `sfconnect rejected retry \(job)`")
    }

    /// A job file's `name`, or `argument` itself when it is not a file.
    static func jobName(_ argument: String) throws -> String {
        guard FileManager.default.fileExists(atPath: argument) else { return argument }
        do { return try JobLoader.load(file: argument, now: Date()).name } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(78)
        }
    }
}

struct RejectedRetry: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Queue the export job's rejected records again, from the profiles as they are now, and send them.",
        discussion: "Records Salesforce refuses again are kept as rejected with the new error. Exit codes as for run.")
    @Argument(help: "The export job file.") var job: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let env = ProcessInfo.processInfo.environment
        let export = RunExport(jobFile: job, once: true, storePath: store.resolvedPath, environment: env,
                               workingDirectory: FileManager.default.currentDirectoryPath)
        try await ExportSummary.exitingOnConfiguration {
            let (requeued, report) = try await export.retryRejected(logger: Logger(label: "sfconnect.rejected"))
            print("requeued: \(requeued)")
            ExportSummary.print(report, file: job)
            try ExportSummary.exit(for: report)
        }
    }
}
