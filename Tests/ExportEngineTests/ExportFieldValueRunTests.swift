import ConnectorCore
import Foundation
import SalesforceAPI
import SalesforceConnector
import Store
import Testing
@testable import ExportEngine

/// The audiences, scores and content-affinity fields as the simulator stores them after a real
/// `run --once`: within each field's describe length (the simulator answers `STRING_TOO_LONG`
/// above it, counting UTF-16 code units as Salesforce does), joined as the job says.
@Suite("Export field values against the simulator")
struct ExportFieldValueRunTests {
    static let long1 = "aaaa_long_audience_name_01"  // 26 characters
    static let long2 = "bbbb_long_audience_name_02"

    @Test("names that do not fit a 40-character audiences field are left out, counted and warned; nothing is refused as STRING_TOO_LONG")
    func audiencesFieldOverflow() async throws {
        let rig = try await ExportRunRig.start(
            leadFields: [#"{"name": "Lytics_Audiences__c", "type": "textarea", "length": 40}"#], members: 6,
            audiences: [Self.long1: 1...3, Self.long2: 1...2, "cc": 1...6])
        defer { Task { await rig.stop() } }
        let job = try rig.job("export-overflow", ExportRunRig.leadJob(
            audiences: ["vip", Self.long1, Self.long2, "cc"], extra: "send_audiences_to: Lytics_Audiences__c"))
        let report = try await rig.run(job)
        #expect(report.outcome == .completed, "\(report.outcome)")
        #expect(report.sent == 6 && report.rejected == 0 && report.pending == 0, "\(report)")
        #expect(report.overflowMembers == 2, "m1 and m2 are in both long audiences: \(report)")
        #expect(report.overflowNames == [Self.long2])
        #expect(try rig.store.rejectedRecords(job: "export-overflow").isEmpty)
        let leads = try await rig.leads(["Lytics_Audiences__c"])
        #expect(leads.count == 6)
        let field = leads.byEmail.mapValues { $0["Lytics_Audiences__c"]?.stringValue ?? "" }
        // Sorted: long1 (26) + ";" + long2 would be 53 > 40, so long2 is left out; cc and vip still fit.
        for i in 1...3 { #expect(field["m\(i)@example.com"] == Self.long1 + ";cc;vip", "m\(i): \(field)") }
        for i in 4...6 { #expect(field["m\(i)@example.com"] == "cc;vip", "m\(i): \(field)") }
        #expect(field.values.allSatisfy { $0.utf16.count <= 40 })
        // Nothing changed: a second run sends nothing and warns about nothing new.
        let again = try await rig.run(job)
        #expect(again.sent == 0 && again.backfilled == 0 && again.overflowMembers == 0, "\(again)")
    }

    @Test("a custom audience_separator is what Salesforce stores, and its length (UTF-16, an emoji counts 2) decides what fits")
    func customSeparators() async throws {
        let rig = try await ExportRunRig.start(
            leadFields: [#"{"name": "Lytics_Audiences__c", "type": "textarea", "length": 34}"#], members: 3,
            audiences: [Self.long1: 1...1, "cc": 1...2])
        defer { Task { await rig.stop() } }
        func runJob(_ name: String, separator: String) async throws -> [String: String] {
            let job = try rig.job(name, ExportRunRig.leadJob(
                audiences: ["vip", Self.long1, "cc"],
                extra: "send_audiences_to: Lytics_Audiences__c\naudience_separator: \"\(separator)\""))
            let report = try await rig.run(job)
            #expect(report.outcome == .completed && report.sent == 3 && report.rejected == 0, "\(name): \(report)")
            #expect(try rig.store.rejectedRecords(job: name).isEmpty, "\(name): refused by the simulator")
            let leads = try await rig.leads(["Lytics_Audiences__c"])
            #expect(leads.count == 3, "\(name): every member exactly once")
            return leads.byEmail.mapValues { $0["Lytics_Audiences__c"]?.stringValue ?? "" }
        }
        // "|": long1|cc|vip is 33 characters and fits 34.
        let pipe = try await runJob("export-pipe", separator: "|")
        #expect(pipe == ["m1@example.com": Self.long1 + "|cc|vip", "m2@example.com": "cc|vip", "m3@example.com": "vip"])
        // ", ": long1, cc, vip would be 35 characters: vip is left out for m1 only.
        let comma = try await runJob("export-comma", separator: ", ")
        #expect(comma == ["m1@example.com": Self.long1 + ", cc", "m2@example.com": "cc, vip", "m3@example.com": "vip"])
        // One character but two UTF-16 code units: long1🔸cc🔸vip is 33 characters, 35 code units.
        let emoji = try await runJob("export-emoji", separator: "🔸")
        #expect(emoji == ["m1@example.com": Self.long1 + "🔸cc", "m2@example.com": "cc🔸vip", "m3@example.com": "vip"])
    }

    static let scoreMapping = exportMapping + [
        FieldMapping(source: "lead_momentum", salesforceField: nil, userField: "score_momentum", type: .number),
        FieldMapping(source: "lead_frequency", salesforceField: nil, userField: "score_frequency", type: .number),
        FieldMapping(source: "lead_quantity", salesforceField: nil, userField: "score_quantity", type: .number),
        FieldMapping(source: "lead_topic", salesforceField: nil, userField: "topic", type: .string),
        FieldMapping(source: "lead_icon", salesforceField: nil, userField: "icon", type: .string),
    ]

    @Test("send_scores_to and send_content_affinity_to: the listed profile fields as name=value lines, whole lines dropped to fit")
    func scoresAndContentAffinity() async throws {
        let values: [Int: [String: JSONValue]] = [
            1: ["lead_momentum": .number(42), "lead_frequency": .number(7), "lead_quantity": .number(1234),
                "lead_topic": .string("swift"), "lead_icon": .string(String(repeating: "🚀", count: 12))],
            2: ["lead_frequency": .number(3), "lead_quantity": .number(5), "lead_icon": .string("ok")],
        ]
        let rig = try await ExportRunRig.start(
            leadFields: [#"{"name": "Lytics_Scores__c", "type": "textarea", "length": 40}"#,
                         #"{"name": "Lytics_Content_Affinity__c", "type": "textarea", "length": 30}"#],
            members: 3, fields: { values[$0] ?? [:] }, mapping: Self.scoreMapping)
        defer { Task { await rig.stop() } }
        let job = try rig.job("export-scores", ExportRunRig.leadJob(audiences: ["vip"], extra: """
        send_scores_to: Lytics_Scores__c
        scores_fields: [score_momentum, score_frequency, score_quantity]
        send_content_affinity_to: Lytics_Content_Affinity__c
        content_affinity_fields: [topic, icon]
        """))
        let report = try await rig.run(job)
        #expect(report.outcome == .completed && report.sent == 3 && report.rejected == 0, "\(report)")
        #expect(try rig.store.rejectedRecords(job: "export-scores").map(\.errorCode).isEmpty)
        let leads = try await rig.leads(["Lytics_Scores__c", "Lytics_Content_Affinity__c"])
        #expect(leads.count == 3)
        func value(_ i: Int, _ field: String) -> String? { leads.byEmail["m\(i)@example.com"]?[field]?.stringValue }
        // 17 + 1 + 17 = 35 fits 40; "\nscore_quantity=1234" would make 55, so that line is dropped.
        #expect(value(1, "Lytics_Scores__c") == "score_momentum=42\nscore_frequency=7")
        // No momentum: its line is left out, the next two fit (34).
        #expect(value(2, "Lytics_Scores__c") == "score_frequency=3\nscore_quantity=5")
        #expect(value(3, "Lytics_Scores__c") == nil)
        // "topic=swift\nicon=" + 12 rockets is 29 characters but 41 UTF-16 code units: the icon line is dropped.
        #expect(value(1, "Lytics_Content_Affinity__c") == "topic=swift")
        #expect(value(2, "Lytics_Content_Affinity__c") == "icon=ok")
        #expect(value(3, "Lytics_Content_Affinity__c") == nil)
    }
}
