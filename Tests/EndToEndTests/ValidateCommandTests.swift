import Foundation
import Testing

@Suite("sfconnect validate")
struct ValidateCommandTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The committed example jobs, their mappings and the default mappings.
    static var committedFiles: [String] {
        ["jobs", "jobs/mappings", "mappings"].flatMap { dir -> [String] in
            let path = root.appendingPathComponent(dir).path
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(path)/\($0)" }
        }
    }

    /// A fresh folder with the given files.
    func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test("every committed job and mapping file is ok and the exit status is 0")
    func goodFiles() async throws {
        let files = Self.committedFiles
        #expect(files.count >= 11)
        let r = try await CLIRunner.run(["validate"] + files)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        for file in files { #expect(r.stdout.contains("\(file): ok (")) }
        #expect(r.stdout.contains("import-standard.yaml: ok (kind import)"))
        #expect(r.stdout.contains("import-custom-object.yaml: ok (kind import_custom_object)"))
        #expect(r.stdout.contains("audience-working-leads.yaml: ok (kind audience)"))
        #expect(r.stdout.contains("export-leads.yaml: ok (kind export_audiences)"))
        #expect(r.stdout.contains("lead.yaml: ok (mapping of Lead into salesforce_leads)"))
    }

    @Test("bad files print every problem as file:line: key: sentence and exit 78; good ones still print ok")
    func badFiles() async throws {
        let dir = try folder([
            "good.yaml": "kind: audience\nname: a\nwhere: salesforce_lead_status = 'Open'\n",
            "where.yaml": "kind: audience\nname: b\nwhere: salesforce_lead_statuz = 'Open'\n",
            "job.yaml": "kind: export_audiences\nauthorisation: simulator\nobject: Lead\nbatch_size: 500\n",
            "map.yaml": "object: Lead\nstream: salesforce_leads\nfields:\n  - source: a\n    salesforce: \"Bad Name\"\n    user_field: x\n    type: string\n",
            "other.yaml": "name: nothing\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = { (name: String) in dir.appendingPathComponent(name).path }
        let r = try await CLIRunner.run(["validate", p("good.yaml"), p("job.yaml"), p("map.yaml"), p("other.yaml"), p("where.yaml"), p("missing.yaml")])
        #expect(r.status == 78)
        #expect(r.stdout == "\(p("good.yaml")): ok (kind audience)\n")
        let expected = [
            "\(p("job.yaml")):1: authorization: is required: name an authorization (a file of the authorizations folder) or write one inline.",
            "\(p("job.yaml")):1: audiences: is required: list the audiences to export.",
            "\(p("job.yaml")):1: extra_fields: nothing would be sent; map profile fields under required_fields or extra_fields, or set send_audiences_to.",
            "\(p("job.yaml")):2: authorisation: is not a known key. Did you mean 'authorization'?",
            "\(p("job.yaml")):4: batch_size: 500 is out of range; use 1 to 200 records per request (the sObject Collections limit).",
            "\(p("map.yaml")):4: fields[0].salesforce: 'Bad Name' is not a Salesforce API name (letters, digits and underscores, starting with a letter; dots for relationships).",
            "\(p("other.yaml")):1: kind: is required: a job file starts with kind: (import, import_custom_object, audience or export_audiences); a mapping file has stream: and fields:; an authorization file has method:.",
            "\(p("where.yaml")):3: where: does not compile: no such column: salesforce_lead_statuz; name profile fields as the mappings' user_field values.",
            "\(p("missing.yaml")): cannot be read; check that the file exists and is UTF-8.",
            "9 problems in 5 of 6 files.",
        ]
        #expect(r.stderr.split(separator: "\n").map(String.init) == expected)
    }

    @Test("inline authorizations and authorization files are checked too; unset variables are left to run time")
    func authorizations() async throws {
        let dir = try folder([
            "auth.yaml": "method: oauth2_password\nclient_id: abc\nclient_secret: ${SF_SECRET}\nusername: u@example.com\npassword: ${SF_PASSWORD}\n",
            "inline.yaml": "kind: import\nauthorization:\n  method: oauth2_pasword\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = { (name: String) in dir.appendingPathComponent(name).path }
        let r = try await CLIRunner.run(["validate", p("auth.yaml"), p("inline.yaml")])
        #expect(r.status == 78)
        #expect(r.stdout.contains("\(p("auth.yaml")): ok (authorization"))
        #expect(r.stderr.contains("\(p("inline.yaml")):3: authorization.method: 'oauth2_pasword' is not a method; use one of jwt, oauth2_password, oauth2_refresh_token. Did you mean 'oauth2_password'?"))
    }

    @Test("validate without files is a usage error")
    func usage() async throws {
        let r = try await CLIRunner.run(["validate"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("Missing expected argument"))
    }
}
