import ArgumentParser
import ConnectorCore
import Foundation
import Store

/// `sfconnect audiences list|members|define`
struct AudiencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audiences", abstract: "List audiences, their members, or define one.",
        subcommands: [AudiencesList.self, AudiencesMembers.self, AudiencesDefine.self])
}

struct AudiencesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print each audience's name, size and description.")
    @OptionGroup var store: StoreOptions

    func run() throws {
        let rows = try store.open().audiences().map { [$0.name, String($0.size), $0.description] }
        print(TextTable.render(header: ["NAME", "SIZE", "DESCRIPTION"], rows: rows), terminator: "")
    }
}

struct AudiencesMembers: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "members", abstract: "Print an audience's members (profile id and email).")
    @Argument(help: "The audience name.") var name: String
    @Flag(help: "Print a JSON array instead of text.") var json = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        let members = try store.open().audienceMembers(name)
        if json { print("[" + members.map(\.json).joined(separator: ",") + "]") }
        else { for m in members { print("\(m.profileID)\t\(m.email ?? "-")") } }
    }
}

struct AudiencesDefine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "define",
        abstract: "Create or replace an audience from a where expression or a file of unique ids, and evaluate it.")
    @Argument(help: "The audience name.") var name: String
    @Option(name: .customLong("where"), help: "A boolean SQL expression over profile fields by name.") var whereSQL: String?
    @Option(help: "A file of unique-id values (emails, lead or contact ids), one per line.") var members: String?
    @Option(help: "What the audience is for.") var description: String = ""
    @Option(help: "The mappings folder whose fields the expression may name.") var mappings: String = "mappings"
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (whereSQL == nil) != (members == nil) else { throw ValidationError("Give exactly one of --where or --members.") }
    }

    func run() throws {
        let s = try store.open()
        let selection: AudienceDefinition.Selection
        if let whereSQL {
            if FileManager.default.fileExists(atPath: mappings) {
                try s.registerFields(MappingFiles.load(mappings).flatMap(\.fields))
            }
            selection = .expression(whereSQL)
        } else {
            let text: String
            do { text = try String(contentsOfFile: members ?? "", encoding: .utf8) } catch {
                throw ValidationError("Cannot read the members file \(members ?? ""); check the path.")
            }
            selection = .members(text.split(whereSeparator: \.isNewline).map(String.init))
        }
        let r = try s.defineAudience(AudienceDefinition(name: name, description: description, selection: selection))
        print("audience \(name): \(r.changed ? "\(r.entered) entered, \(r.exited) exited" : "unchanged"), size \(try s.members(of: name).count)")
    }
}
