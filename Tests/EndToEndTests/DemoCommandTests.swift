import Foundation
import Testing

@Suite("sfconnect demo")
struct DemoCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The count printed after `label` on its own report line.
    static func count(_ label: String, in text: String) -> Int? {
        text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label + " ") }
            .flatMap { $0.split(separator: " ").dropFirst().first { Int($0) != nil } }.flatMap { Int($0) }
    }

    @Test("runs the example jobs against the in-process simulator and reports non-zero counts")
    func demoReport() async throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("sfc-demo-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: store) }
        let r = try await CLIRunner.run(["demo", "--jobs", Self.root + "/jobs", "--mappings", Self.root + "/mappings", "--store", store])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let sections = ["Estimate (before anything runs)", "Imported (records per stream)", "Profiles", "Audiences (members)",
                        "Exported to Salesforce", "API calls"]
        for section in sections {
            #expect(r.stdout.contains("\n\(section)\n"), "missing section \(section)")
        }
        // The estimate comes first, then what happened, in this order.
        let starts = sections.compactMap { r.stdout.range(of: "\n\($0)\n")?.lowerBound }
        #expect(starts.count == sections.count && starts == starts.sorted(), "sections out of order")
        for stream in ["salesforce_leads", "salesforce_contacts", "salesforce_accounts", "salesforce_opportunities"] {
            #expect((Self.count(stream, in: r.stdout) ?? 0) > 0, "\(stream) count")
        }
        #expect(Self.count("salesforce_leads", in: r.stdout) == 500)
        #expect((Self.count("profiles", in: r.stdout) ?? 0) > 0)
        #expect((Self.count("working_leads", in: r.stdout) ?? 0) > 0)
        let apiSection = r.stdout.components(separatedBy: "\nAPI calls\n").last ?? ""
        let jobCalls = apiSection.split(separator: "\n").filter { $0.hasPrefix("  job ") }
            .compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }
        #expect(jobCalls.count == 2 && jobCalls.allSatisfy { $0 > 0 }, "an import and an export job: \(apiSection)")
        let estimateCalls = r.stdout.split(separator: "\n").first { $0.contains("This estimate used") }
            .flatMap { $0.split(separator: " ").compactMap { Int($0) }.first }
        #expect((estimateCalls ?? 0) > 0, "the estimate ran first")
        #expect(Self.count("simulator", in: r.stdout) == jobCalls.reduce(0, +) + (estimateCalls ?? 0),
                "the simulator counted exactly the calls the estimate and the jobs made")
        let exportLine = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("  job export-leads") && $0.contains("sent") })
        let sent = exportLine.split(separator: " ").compactMap { Int($0) }.first
        let written = r.stdout.split(separator: "\n").first { $0.contains("leads with Lytics_Audiences__c") }
            .flatMap { $0.split(separator: " ").compactMap { Int($0) }.first }
        #expect((sent ?? 0) > 0 && written == sent, "every sent member carries its audiences in the simulator: \(exportLine)")
        #expect(FileManager.default.fileExists(atPath: store), "--store keeps the store")
        #expect(!r.stdout.contains("password") && !r.stderr.contains("password"))
    }

    @Test("a jobs folder without the standard import job fails with one sentence")
    func missingJobs() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sfc-demo-empty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try await CLIRunner.run(["demo", "--jobs", dir, "--mappings", Self.root + "/mappings"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("has no import-standard*.yaml job; run the demo from the sfconnect checkout or give --jobs."))
    }
}
