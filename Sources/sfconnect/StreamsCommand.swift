import ArgumentParser
import Foundation
import Store

/// `sfconnect streams list|read`
struct StreamsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "streams", abstract: "List the streams in the store, or print one stream's records.",
        subcommands: [StreamsList.self, StreamsRead.self])
}

struct StreamsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print each stream's name, object, records and last import.")
    @OptionGroup var store: StoreOptions

    func run() throws {
        let rows = try store.open().streams().map {
            [$0.name, $0.object ?? "-", String($0.recordCount), $0.lastImport.map { $0.formatted(.iso8601) } ?? "-"]
        }
        print(TextTable.render(header: ["NAME", "OBJECT", "RECORDS", "LAST IMPORT"], rows: rows), terminator: "")
    }
}

struct StreamsRead: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Print a stream's records in arrival order, one JSON object per line (_id, _ts, _deleted and the source fields).")
    @Argument(help: "The stream name (see `sfconnect streams list`).") var name: String
    @Option(help: "Output format; only ndjson.") var format: String = "ndjson"
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard format == "ndjson" else { throw ValidationError("--format must be ndjson.") }
    }

    func run() throws {
        let s = try store.open()
        var after: Int64 = 0
        let out = FileHandle.standardOutput
        while true {
            let page = try s.readStream(name, after: after, limit: 2000)
            guard let last = page.last else { break }
            out.write(Data((page.map(\.ndjsonLine).joined(separator: "\n") + "\n").utf8))
            after = last.sequence
        }
    }
}

/// Left-aligned columns separated by two spaces.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
