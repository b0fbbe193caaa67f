import ConnectorCore
import Definitions
import Foundation
import Testing

@Suite("Job files: defaults")
struct JobDefaultsTests {
    @Test("an import with only an authorization imports the four objects once, with every default")
    func importDefaults() throws {
        guard case .importObjects(let job) = try loadFixtureJob("import-minimal") else { Issue.record("not an import"); return }
        #expect(job.name == "import-minimal")
        #expect(job.label == "import-minimal")
        #expect(job.description == "")
        #expect(job.authorization == .named("simulator"))
        #expect(job.maxDailyAPICalls == nil)
        #expect(job.importedObjects == [.leads, .contacts, .accounts, .opportunities])
        #expect(job.objects[.leads] == ObjectImportSettings(additionalFields: [], timestampField: "SystemModstamp", since: nil))
        #expect(job.schedule == nil)
        #expect(!job.keepUpdated)
        #expect(job.api == .auto)
        #expect(job.priority == nil)
        #expect(job.mappings.isEmpty)
        #expect(StandardObject.leads.sobject == "Lead" && StandardObject.opportunities.stream == "salesforce_opportunities")
    }

    @Test("keep_updated alone schedules an import hourly at :00 UTC")
    func importKeepUpdated() throws {
        let job = try JobLoader.parse("kind: import\nauthorization: simulator\nkeep_updated: true\nimport_leads: false\n",
                                      file: "jobs/x.yaml", now: jobTestNow)
        guard case .importObjects(let j) = job else { Issue.record("not an import"); return }
        #expect(j.schedule == Schedule(frequency: .hourly))
        #expect(j.schedule?.timeZone.secondsFromGMT(for: jobTestNow) == 0)
        #expect(j.importedObjects == [.contacts, .accounts, .opportunities])
        #expect(job.name == "x")
    }

    @Test("a custom object import defaults to SystemModstamp and a daily schedule when kept updated")
    func customObjectDefaults() throws {
        guard case .importCustomObject(let job) = try loadFixtureJob("import-custom-object-minimal") else {
            Issue.record("not a custom object import"); return
        }
        #expect(job.stream == "salesforce_subscriptions")
        #expect(job.object == "Subscription__c")
        #expect(job.fields == ["Name", "External_Id__c"])
        #expect(job.timestampField == "SystemModstamp")
        #expect(job.since == nil && job.schedule == nil && job.api == .auto && job.maxDailyAPICalls == nil)
        let kept = try JobLoader.parse("""
            kind: import_custom_object
            authorization: simulator
            stream: s
            object: Subscription__c
            fields: [Name]
            keep_updated: true
            """, file: "c.yaml", now: jobTestNow)
        guard case .importCustomObject(let k) = kept else { Issue.record("not a custom object import"); return }
        #expect(k.schedule == Schedule(frequency: .daily))
    }

    @Test("an audience keeps its where expression and the line it is on")
    func audienceDefaults() throws {
        let job = try loadFixtureJob("audience-minimal")
        guard case .audience(let a) = job else { Issue.record("not an audience"); return }
        #expect(a.name == "working_leads")
        #expect(a.fileName == "audience-minimal")
        #expect(a.description == "")
        #expect(a.rule == .predicate(sql: "salesforce_lead_status = 'Working - Contacted'", line: 3))
        #expect(job.authorization == nil && job.maxDailyAPICalls == nil)
    }

    @Test("an audience by members resolves the file next to the job file")
    func audienceMembers() throws {
        guard case .audience(let a) = try loadFixtureJob("audience-members") else { Issue.record("not an audience"); return }
        guard case .members(let file, let line) = a.rule else { Issue.record("not a member list"); return }
        #expect(file == (try fixturePath("audience-members") as NSString).deletingLastPathComponent + "/audience-members.txt")
        #expect(line == 4)
    }

    @Test("an export fills every optional key with its default")
    func exportDefaults() throws {
        guard case .exportAudiences(let job) = try loadFixtureJob("export-minimal") else { Issue.record("not an export"); return }
        #expect(job.audiences == ["working_leads"])
        #expect(job.object == "Lead")
        #expect(job.matchField == nil && job.matchProfileField == nil)
        #expect(job.createMissing)
        #expect(job.sendAudiencesTo == "Lytics_Audiences__c")
        #expect(job.audienceSeparator == ";")
        #expect(job.sendScoresTo == nil && job.scoresFields.isEmpty)
        #expect(job.sendContentAffinityTo == nil && job.contentAffinityFields.isEmpty)
        #expect(job.requiredFields.isEmpty && job.extraFields.isEmpty && job.triggerFields.isEmpty)
        #expect(job.batchSize == 200)
        #expect(job.api == .auto)
        #expect(job.onDuplicate == .updateMatch)
        #expect(job.onConvertedLead == .follow)
        #expect(job.priority == nil && job.maxDailyAPICalls == nil)
    }

    @Test("an inline authorization is kept with its keys and lines, and never prints its values")
    func inlineAuthorization() throws {
        let job = try loadFixtureJob("import-inline-authorization")
        guard case .inline(let auth) = job.authorization else { Issue.record("not inline"); return }
        #expect(auth.source.line == 3)
        #expect(auth.keyPath == "authorization")
        #expect(auth.entries.map(\.key) == ["flow", "login_url", "client_id", "client_secret", "scopes"])
        #expect(auth["client_secret"]?.value == "do-not-print-me")
        #expect(auth["client_secret"]?.line == 6)
        #expect(auth["scopes"]?.isScalar == false)
        #expect(auth["scopes"]?.value.contains("refresh_token") == true)
        #expect(!"\(job.authorization!)".contains("do-not-print-me"))
        #expect(!String(reflecting: auth).contains("do-not-print-me"))
    }
}
