import ArgumentParser
import Store

/// `sfconnect profiles show (--email X | --id X) [--json]`
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles", abstract: "Look up resolved profiles.", subcommands: [ProfilesShow.self])
}

struct ProfilesShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one profile: its fields, unique ids, source records and audiences.",
        discussion: "--id takes a profile number or any unique-id value (a lead or contact id, an email).")
    @Option(help: "The profile's email (any case).") var email: String?
    @Option(help: "A profile number or a unique-id value.") var id: String?
    @Flag(help: "Print JSON instead of text.") var json = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (email == nil) != (id == nil) else { throw ValidationError("Give exactly one of --email or --id.") }
    }

    func run() throws {
        let s = try store.open()
        let profile: Profile
        if let email { profile = try s.profile(email: email) }
        else if let id, let number = Int64(id), let p = try? s.profile(id: number) { profile = p }
        else { profile = try s.profile(uniqueID: id ?? "") }
        print(json ? profile.json : profile.text)
    }
}
