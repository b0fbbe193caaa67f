import Foundation
import Testing

@Suite("sfconnect audiences load")
struct AudienceLoadTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cli-aud-\(UUID().uuidString)")

    func write(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("audiences load defines the audiences of job files, a members file included")
    func load() async throws {
        _ = try write("vip.txt", "# VIPs\nA@X.com\n\n")
        let members = try write("vip.yaml", "kind: audience\nname: vip\nmembers: vip.txt\n")
        let bad = try write("bad.yaml", "kind: audience\nname: oops\nwhere: nope = 1\n")
        let store = dir.appendingPathComponent("store.sqlite").path
        let r = try await CLIRunner.run(["audiences", "load", members, bad, "--store", store])
        #expect(r.status == 1)
        #expect(r.stdout.contains("audience vip: 0 entered, 0 exited, size 0"))
        #expect(r.stderr.contains("bad.yaml:3: where: The where of audience 'oops' does not compile: no such column: nope"))
        let list = try await CLIRunner.run(["audiences", "list", "--store", store])
        #expect(list.stdout.contains("vip   0"))
    }
}
