import ConnectorCore
import Foundation
import ImportEngine
import SalesforceSimulator
import SalesforceConnector
import Store
import Testing

/// Import choices the org or the job makes, through the real client against the simulator.
@Suite("Import options against the simulator")
struct ImportOptionsSimulatorTests {
    static let leadsJob = "kind: import\nauthorization: simulator\nimport_contacts: false\nimport_accounts: false\nimport_opportunities: false\nleads: {}\n"

    @Test("a first load by Bulk API 2.0 stores exactly what REST pages store, field by field")
    func bulkEqualsRest() async throws {
        try await SimulatorImportRig.with(org: OrgSetup(sizes: OrgSizes(leads: 2_600))) { rig in
            rig.clock.advance(by: 600)
            let bulk = await rig.run(try rig.job(Self.leadsJob + "api: bulk\n", name: "by_bulk"), bulkPageSize: 1_000)
            #expect(bulk.outcome == .completed, "\(bulk.errors)")
            #expect(bulk.objects.first?.api == .bulk)
            let restStore = try Store(path: rig.dir + "/rest.sqlite", clock: rig.clock)
            let (runner, _) = rig.runner(batchSize: 500, sink: ImportStoreSink(store: restStore))
            let restJob = try rig.job(Self.leadsJob + "api: rest\n", name: "by_rest")
            let rest = await runner.run(job: restJob.name, objects: restJob.specs)
            #expect(rest.outcome == .completed && rest.objects.first?.api == .rest, "\(rest.errors)")

            let viaBulk = try rig.stored("salesforce_leads"), viaRest = try rig.stored("salesforce_leads", in: restStore)
            #expect(viaBulk.count == 2_600 && viaRest.count == 2_600)
            let restByID = Dictionary(uniqueKeysWithValues: viaRest.map { ($0.id, $0) })
            var differing: [String] = []
            for record in viaBulk {
                guard let other = restByID[record.id] else { differing.append("\(record.id): missing from REST"); continue }
                if other.timestamp != record.timestamp { differing.append("\(record.id): timestamp") }
                // The import time differs by the Bulk polls' waits; every Salesforce value must not.
                for key in Set(record.fields.keys).union(other.fields.keys)
                where key != "salesforce_last_user_imported" && record.fields[key] != other.fields[key] {
                    differing.append("\(record.id).\(key): bulk \(String(describing: record.fields[key])) rest \(String(describing: other.fields[key]))")
                }
            }
            #expect(differing.isEmpty, "\(differing.count) differences, first: \(differing.prefix(3))")
        }
    }

    @Test("without State and Country Picklists the account's *CountryCode/*StateCode defaults are skipped with one warning and the import completes")
    func missingDefaultFieldsWarnOnce() async throws {
        let org = OrgSetup(options: OrgOptions(stateCountryPicklists: false), sizes: OrgSizes(accounts: 60))
        try await SimulatorImportRig.with(org: org) { rig in
            rig.clock.advance(by: 600)
            let job = "kind: import\nauthorization: simulator\napi: rest\nimport_leads: false\nimport_contacts: false\nimport_opportunities: false\naccounts: {}\n"
            let report = await rig.run(try rig.job(job))
            #expect(report.outcome == .completed && report.stored == 60, "\(report.errors)")
            let skipped = report.warnings.filter { $0.contains("CountryCode") }
            #expect(skipped.count == 1, "\(report.warnings)")
            let warning = skipped.first ?? ""
            for field in ["BillingCountryCode", "BillingStateCode", "ShippingCountryCode", "ShippingStateCode", "Account"] {
                #expect(warning.contains(field), "\(field) in: \(warning)")
            }
            let stored = try rig.stored("salesforce_accounts")
            #expect(stored.allSatisfy { $0.fields["account_billing_country_code"] == nil && $0.fields["account_shipping_state_code"] == nil })
            #expect(stored.contains { $0.fields["account_billing_country"]?.stringValue != nil }, "the free-text country is still imported")
        }
    }

    @Test("the example custom-object job reads Contact__r.Email through the lookup and maps it to email")
    func customObjectWithParentPath() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try #"""
        {"objects": [{"name": "Subscription__c", "label": "Subscription", "keyPrefix": "a01",
          "fields": [{"name": "External_Id__c", "type": "string", "length": 64, "externalId": true, "unique": true},
                     {"name": "Contact__c", "type": "reference", "referenceTo": ["Contact"],
                      "childRelationshipName": "Subscriptions__r"}]}]}
        """#.write(toFile: dir + "/schema.json", atomically: true, encoding: .utf8)
        try await SimulatorImportRig.with(org: OrgSetup(schemaFile: dir + "/schema.json", sizes: OrgSizes(contacts: 10))) { rig in
            let contacts = rig.simRecords("Contact")
            let withEmail = contacts.filter { $0.value["Email"]?.text != nil }.keys.sorted()
            let target = try #require(withEmail.first)
            var ids: [String] = []
            try rig.sim.store.write { (batch: inout OrgWriteBatch) throws(SimulatorError) in
                ids.append(try batch.insert("Subscription__c", ["Name": .string("Pro plan"), "External_Id__c": .string("S-1"),
                                                                "Contact__c": .string(target)]))
                ids.append(try batch.insert("Subscription__c", ["Name": .string("No contact"), "External_Id__c": .string("S-2")]))
            }
            rig.clock.advance(by: 600)
            let job = try rig.job(file: SimulatorImportRig.jobsDirectory + "/import-custom-object.yaml")
            let report = await rig.run(job)
            #expect(report.outcome == .completed, "\(report.errors)")
            let stored = Dictionary(uniqueKeysWithValues: try rig.stored("salesforce_subscriptions").map { ($0.id, $0) })
            #expect(stored.count == 2)
            let linked = try #require(stored[ids[0]])
            #expect(linked.fields["subscription_contact_email"]?.stringValue == contacts[target]?["Email"]?.text)
            #expect(linked.fields["subscription_contact_id"] == .array([.string(target)]))
            #expect(linked.fields["subscription_name"] == .string("Pro plan"))
            let unlinked = try #require(stored[ids[1]])
            #expect(unlinked.fields["subscription_contact_email"] == nil || unlinked.fields["subscription_contact_email"] == .null)
        }
    }
}
