import ArgumentParser
import BudgetScheduler
import Definitions
import Foundation
import ImportEngine
import SalesforceConnector
import Store

/// `sfconnect estimate JOB… [--json] [--store PATH]`: the API calls an import job's first run
/// (or an export job's backfill) and each keep-updated run will cost, and the days to finish at
/// the job's budget.
struct EstimateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate the API calls and days an import or export job needs.",
        discussion: """
        Counts each object's records with SELECT COUNT() (with the job's since, and the records \
        changed in the last day and week) and reads /limits; prints first-run calls by REST pages \
        and by Bulk API 2.0, calls per day at the job's frequency, days to finish at \
        max_daily_api_calls (or the seed's suggested budget) and the calls the estimate used. \
        For an export_audiences job it reads only the store (no Salesforce call): the backfill is \
        the distinct members of its audiences, the daily changes those the change feed touched in \
        the last 24 hours; calls by sObject Collections and by Bulk API 2.0, and days at \
        max_daily_api_calls. Exit codes: 0 done, 78 job or mapping file wrong, 1 anything else \
        (an audience not in the store, an unreadable store).
        """)

    @Argument(help: "The job files (YAML).") var jobs: [String]
    @Flag(help: "Print JSON instead of text.") var json = false
    @Option(help: "The folder of default mappings.") var mappings = "mappings"
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let env = ProcessInfo.processInfo.environment
        let cwd = FileManager.default.currentDirectoryPath
        for job in jobs {
            do {
                let report = try await EstimateJob(jobFile: job, environment: env, workingDirectory: cwd,
                                                   mappingsDirectory: mappings).runAny(storePath: store.resolvedPath)
                print(json ? try report.json() : report.text())
            } catch let e as DefinitionErrors {
                FileHandle.standardError.write(Data((e.description + "\n").utf8))
                throw ExitCode(78)
            } catch let e as ImportError {
                FileHandle.standardError.write(Data("error: \(e.description)\n".utf8))
                throw ExitCode(78)
            } catch let e as StoreError {
                FileHandle.standardError.write(Data("error: \(e.description)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
