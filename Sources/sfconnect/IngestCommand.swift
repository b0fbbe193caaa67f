import ArgumentParser
import Foundation
import Store

/// `sfconnect ingest STREAM [FILE|-]`
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Append NDJSON records (one JSON object per line) to a stream and update profiles.",
        discussion: """
        The stream's mapping (a file in --mappings with stream: STREAM) says which keys are user \
        fields and unique ids. Reserved keys: _id (record id; default a hash of the line), _ts \
        (ISO 8601 or seconds since 1970; default now), _deleted (true for a tombstone). A line \
        that is not a JSON object or has no unique id is reported with its line number and the \
        rest land; the exit status is then 1.
        """)
    @Argument(help: "The stream to append to.") var stream: String
    @Argument(help: "The NDJSON file; - or nothing reads standard input.") var file: String = "-"
    @Option(help: "The mappings folder.") var mappings: String = "mappings"
    @OptionGroup var store: StoreOptions

    func run() throws {
        let ingest = try NDJSONIngest(store: try store.open(), stream: stream, mappings: try MappingFiles.load(mappings))
        let handle: FileHandle
        if file == "-" { handle = .standardInput } else {
            guard let h = FileHandle(forReadingAtPath: file) else {
                throw ValidationError("Cannot read \(file); check the path, or pass - for standard input.")
            }
            handle = h
        }
        let report = try ingest.run(handle)
        let name = file == "-" ? "stdin" : file
        for r in report.rejected { FileHandle.standardError.write(Data("\(name):\(r.line): \(r.reason)\n".utf8)) }
        print("\(stream): \(report.stored) stored, \(report.duplicates) duplicates, \(report.rejected.count) rejected, \(report.profilesChanged) profiles changed")
        if !report.rejected.isEmpty { throw ExitCode(1) }
    }
}
