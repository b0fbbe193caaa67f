import ArgumentParser
import ConnectorCore
import Definitions
import Foundation
import Store

/// `sfconnect audiences load FILE…`: defines the audiences of `kind: audience` job files.
struct AudiencesLoad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Create or replace the audiences of kind: audience job files and evaluate them.")
    @Argument(help: "Audience job files (jobs/audience-*.yaml).") var files: [String]
    @Option(help: "The mappings folder whose fields the expressions may name.") var mappings: String = "mappings"
    @OptionGroup var store: StoreOptions

    func run() throws {
        let s = try store.open()
        if FileManager.default.fileExists(atPath: mappings) { try s.registerFields(MappingFiles.load(mappings).flatMap(\.fields)) }
        var failed = false
        for file in files {
            do {
                guard case .audience(let job) = try JobLoader.load(file: file, now: Date()) else {
                    throw ValidationError("\(file): is not a kind: audience file.")
                }
                do {
                    let r = try s.defineAudience(ResolvedAudience(job))
                    print("audience \(job.name): \(r.changed ? "\(r.entered) entered, \(r.exited) exited" : "unchanged"), size \(try s.members(of: job.name).count)")
                } catch let e as StoreError where e.kind == .invalidExpression {
                    let line: Int
                    if case .predicate(_, let l) = job.rule { line = l } else { line = job.source.line }
                    throw ValidationError("\(file):\(line): where: \(e.sentence)")
                }
            } catch {
                FileHandle.standardError.write(Data("\(String(describing: error))\n".utf8))
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
