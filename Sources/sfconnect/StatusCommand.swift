import ArgumentParser
import Foundation
import SalesforceConnector
import Store

/// `sfconnect status [--jobs DIR] [--store PATH] [--json]`: each job's state, last run,
/// checkpoint and API budget, from the store only (no network call).
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each job's state, last run, checkpoint and API budget (from the store; no network call).",
        discussion: """
        For every job file in --jobs: state (running, paused until T, idle, failed, never_run), the \
        last run and its outcome, the checkpoint per object, the calls it spent in the last 24 hours \
        against its max_daily_api_calls, and the org's remaining calls as last reported by Salesforce \
        (Sforce-Limit-Info) during a run. Exit codes: 0 done, 1 the folder or the store cannot be read.
        """)

    @Option(help: "The folder of job files.") var jobs = "jobs"
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: jobs, isDirectory: &isDir), isDir.boolValue else {
            FileHandle.standardError.write(Data("error: the jobs folder \(jobs) does not exist; pass --jobs DIR.\n".utf8))
            throw ExitCode(1)
        }
        do {
            let report = try Store.withStore(path: store.resolvedPath) { s in
                try StatusReport.make(folder: jobs, store: s, now: Date())
            }
            print(json ? try report.json() : report.text())
        } catch let e as StoreError {
            FileHandle.standardError.write(Data("error: \(e.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}
