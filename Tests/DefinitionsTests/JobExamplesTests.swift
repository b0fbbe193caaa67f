import ConnectorCore
import Definitions
import Foundation
import Testing

@Suite("Job files: the examples in jobs/")
struct JobExamplesTests {
    static let jobsDirectory = repositoryRoot.appendingPathComponent("jobs").path

    static func yamlFiles(_ directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
    }

    func load(_ name: String) throws -> JobDefinition {
        try JobLoader.load(file: Self.jobsDirectory + "/" + name, now: jobTestNow)
    }

    @Test("every example job, example mapping and default mapping validates")
    func everyFileValidates() {
        let files = Self.yamlFiles(Self.jobsDirectory) + Self.yamlFiles(Self.jobsDirectory + "/mappings")
            + Self.yamlFiles(repositoryRoot.appendingPathComponent("mappings").path)
        #expect(files.count == 5 + 2 + 4)
        for result in DefinitionValidator.validate(files: files, now: jobTestNow) {
            #expect(result.errors.isEmpty, "\(result.errors.map(\.description))")
            #expect(result.okLine?.hasPrefix(result.file + ": ok (") == true)
        }
    }

    @Test("import-standard imports the four objects hourly with its additional lead fields mapped")
    func importStandard() throws {
        guard case .importObjects(let job) = try load("import-standard.yaml") else { Issue.record("kind"); return }
        #expect(job.authorization == .named("simulator"))
        #expect(job.importedObjects == StandardObject.allCases)
        #expect(job.schedule?.frequency == .hourly)
        #expect(job.objects[.leads]?.additionalFields == ["Rating", "AnnualRevenue"])
        #expect(job.mappings.map(\.mapping.object) == ["Lead"])
        #expect(job.mappings.first?.mapping.fields.map(\.salesforceField) == ["Rating", "AnnualRevenue"])
    }

    @Test("import-custom-object reads Subscription__c into salesforce_subscriptions")
    func importCustom() throws {
        guard case .importCustomObject(let job) = try load("import-custom-object.yaml") else { Issue.record("kind"); return }
        #expect(job.object == "Subscription__c" && job.stream == "salesforce_subscriptions")
        #expect(job.fields.contains("External_Id__c"))
        #expect(job.schedule == Schedule(frequency: .daily, timeOfDay: TimeOfDay(hour: 2, minute: 30),
                                         timeZone: TimeZone(identifier: "America/New_York")!))
        #expect(job.mappings.first?.mapping.stream == "salesforce_subscriptions")
    }

    @Test("the audiences and the export agree on audience names")
    func exportNamesAudiences() throws {
        var names: [String] = []
        for file in ["audience-working-leads.yaml", "audience-tech-leads.yaml"] {
            guard case .audience(let a) = try load(file) else { Issue.record("kind"); return }
            names.append(a.name)
        }
        guard case .exportAudiences(let job) = try load("export-leads.yaml") else { Issue.record("kind"); return }
        #expect(job.audiences == names)
        #expect(job.object == "Lead" && job.matchField == "Email" && job.matchProfileField == "email")
        #expect(job.sendAudiencesTo == "Lytics_Audiences__c")
        #expect(job.requiredFields.map(\.salesforceField) == ["LastName", "Company"])
        #expect(job.triggerFields.count == 4)
    }
}
