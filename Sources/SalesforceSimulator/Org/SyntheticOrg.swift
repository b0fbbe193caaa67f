import Foundation

/// A deterministic synthetic org: the same seed and sizes give the same records (Ids, values, stamps).
///
/// Accounts; contacts (most with an account, some without); opportunities on accounts with 1–3
/// OpportunityContactRoles (one primary); campaigns with the statuses `Sent` (default) and `Responded`
/// and a few members; leads, about 10 % converted (IsConverted, ConvertedContactId/AccountId, Status
/// `Closed - Converted`). Values include unicode, quotes, commas, newlines and nulls. Stamps spread over
/// the 30 days before the clock; records are written in batches of 1–64 that share one SystemModstamp,
/// and one batch per object of up to 2,000 records shares a single stamp (a mass update).
public struct SyntheticOrg: Sendable {
    public var seed: UInt64
    public var sizes: OrgSizes

    public init(seed: UInt64, sizes: OrgSizes) {
        self.seed = seed
        self.sizes = sizes
    }

    public func populate(_ store: OrgStore) {
        var r = SyntheticRandom(seed: seed)
        let end = store.clock().addingTimeInterval(-3600)
        let start = end.addingTimeInterval(-30 * 86400)
        let hasRT = store.schema.object("Lead")?.field("RecordTypeId") != nil
        let recordTypes = store.schema.object("Lead")?.recordTypeInfos.filter { !$0.master }.map(\.recordTypeId) ?? []
        let accounts = emit(store, "Account", sizes.accounts, &r, start, end) { i, r in
            var v: [String: SimValue] = ["Name": .string(r.company()), "Industry": r.maybe(0.2, .string(r.pick(SampleValues.industries))),
                                         "BillingCity": r.maybe(0.1, .string(r.pick(SyntheticRandom.cities))),
                                         "BillingStreet": r.maybe(0.3, .string(r.pick(SyntheticRandom.streets))),
                                         "BillingCountry": .string(r.pick(SyntheticRandom.countries)),
                                         "NumberOfEmployees": r.maybe(0.2, .int(r.int(1..<50_000))),
                                         "AnnualRevenue": r.maybe(0.3, .double(Double(r.int(10..<100_000)) * 1000)),
                                         "Phone": r.maybe(0.2, .string(r.phone())), "Website": .string("https://www.\(i).example.com"),
                                         "Description": r.maybe(0.7, .string(r.pick(SyntheticRandom.descriptions))),
                                         "Type": .string(r.pick(SampleValues.accountTypes))]
            v["Rating"] = r.maybe(0.5, .string(r.pick(SampleValues.ratings)))
            return v
        }
        var contactsByAccount: [Int: [String]] = [:]
        var contactAccount: [Int] = []
        let contacts = emit(store, "Contact", sizes.contacts, &r, start, end) { i, r in
            var v = Self.person(&r, i)
            let a = accounts.isEmpty || r.chance(0.1) ? -1 : r.int(0..<accounts.count)
            contactAccount.append(a)
            v["AccountId"] = a >= 0 ? .string(accounts[a]) : .null
            v["MailingCity"] = r.maybe(0.2, .string(r.pick(SyntheticRandom.cities)))
            v["MailingStreet"] = r.maybe(0.4, .string(r.pick(SyntheticRandom.streets)))
            v["Birthdate"] = r.maybe(0.6, .date("19\(r.int(50..<99))-0\(r.int(1..<10))-1\(r.int(0..<10))"))
            return v
        }
        for (i, a) in contactAccount.enumerated() where a >= 0 { contactsByAccount[a, default: []].append(contacts[i]) }
        var oppAccount: [Int] = []
        let opportunities = emit(store, "Opportunity", accounts.isEmpty ? 0 : sizes.opportunities, &r, start, end) { i, r in
            let a = r.int(0..<accounts.count)
            oppAccount.append(a)
            let stage = r.pick(SampleValues.stages)
            return ["Name": .string("Deal #\(i + 1), \"phase\" \(r.int(1..<4))"), "AccountId": .string(accounts[a]),
                    "StageName": .string(stage), "CloseDate": .date("2024-\(String(format: "%02d", r.int(1..<13)))-15"),
                    "Amount": r.maybe(0.1, .double(Double(r.int(1..<500)) * 100)), "IsClosed": .bool(stage.hasPrefix("Closed")),
                    "IsWon": .bool(stage == "Closed Won"), "LeadSource": r.maybe(0.4, .string(r.pick(SampleValues.leadSources)))]
        }
        var roles: [[String: SimValue]] = []
        for (i, a) in oppAccount.enumerated() {
            let pool = contactsByAccount[a] ?? []
            guard !pool.isEmpty else { continue }
            for k in 0..<min(pool.count, r.int(1..<4)) {
                roles.append(["OpportunityId": .string(opportunities[i]), "ContactId": .string(pool[(i + k) % pool.count]),
                              "Role": .string(r.pick(SampleValues.contactRoles)), "IsPrimary": .bool(k == 0)])
            }
        }
        _ = emit(store, "OpportunityContactRole", roles.count, &r, start, end) { i, _ in roles[i] }
        let campaigns = emit(store, "Campaign", sizes.campaigns, &r, start, end) { i, r in
            ["Name": .string("Campaign \(i + 1): \(r.pick(SampleValues.campaignTypes))"),
             "Type": .string(r.pick(SampleValues.campaignTypes)), "Status": .string("In Progress"), "IsActive": .bool(true)]
        }
        let statuses: [[String: SimValue]] = campaigns.flatMap { c in
            [["CampaignId": .string(c), "Label": .string("Sent"), "IsDefault": .bool(true), "SortOrder": .int(1)],
             ["CampaignId": .string(c), "Label": .string("Responded"), "HasResponded": .bool(true), "SortOrder": .int(2)]]
        }
        _ = emit(store, "CampaignMemberStatus", statuses.count, &r, start, end) { i, _ in statuses[i] }
        let leads = emit(store, "Lead", sizes.leads, &r, start, end) { i, r in
            var v = Self.person(&r, i + 1_000_000)
            v["Company"] = .string(r.company())
            v["City"] = r.maybe(0.2, .string(r.pick(SyntheticRandom.cities)))
            v["Street"] = r.maybe(0.5, .string(r.pick(SyntheticRandom.streets)))
            v["Industry"] = r.maybe(0.3, .string(r.pick(SampleValues.industries)))
            v["Status"] = .string(r.pick(Array(SampleValues.leadStatuses.filter { $0 != "Closed - Converted" })))
            if hasRT, !recordTypes.isEmpty { v["RecordTypeId"] = .string(r.pick(recordTypes)) }
            if !contacts.isEmpty, r.chance(0.1) {
                let c = r.int(0..<contacts.count)
                v["IsConverted"] = .bool(true)
                v["Status"] = .string("Closed - Converted")
                v["ConvertedContactId"] = .string(contacts[c])
                v["ConvertedAccountId"] = contactAccount[c] >= 0 ? .string(accounts[contactAccount[c]]) : .null
                v["ConvertedDate"] = .date("2024-01-\(String(format: "%02d", r.int(1..<29)))")
            }
            return v
        }
        var members: [[String: SimValue]] = []
        for (k, c) in campaigns.enumerated() {
            for j in 0..<min(20, leads.count) where (j + k) % 3 == 0 {
                members.append(["CampaignId": .string(c), "LeadId": .string(leads[j]), "Status": .string("Sent"),
                                "Type": .string("Lead")])
            }
        }
        _ = emit(store, "CampaignMember", members.count, &r, start, end) { i, _ in members[i] }
    }

    static func person(_ r: inout SyntheticRandom, _ n: Int) -> [String: SimValue] {
        let first = r.pick(SyntheticRandom.firstNames), last = r.pick(SyntheticRandom.lastNames)
        return ["FirstName": r.maybe(0.05, .string(first)), "LastName": .string(last),
                "Email": r.maybe(0.05, .string(r.email(first, last, n))), "Phone": r.maybe(0.3, .string(r.phone())),
                "Title": r.maybe(0.3, .string(r.pick(SyntheticRandom.titles))),
                "LeadSource": r.maybe(0.3, .string(r.pick(SampleValues.leadSources))),
                "Description": r.maybe(0.8, .string(r.pick(SyntheticRandom.descriptions))),
                "HasOptedOutOfEmail": .bool(r.chance(0.05))]
    }

    /// Inserts `count` records in stamp-sharing batches; returns their Ids in order.
    private func emit(_ store: OrgStore, _ object: String, _ count: Int, _ r: inout SyntheticRandom, _ start: Date,
                      _ end: Date, _ make: (Int, inout SyntheticRandom) -> [String: SimValue]) -> [String] {
        guard count > 0, store.schema.object(object) != nil else { return [] }
        var ids: [String] = []
        ids.reserveCapacity(count)
        let span = end.timeIntervalSince(start)
        let massAt = r.int(0..<count), massSize = min(2000, max(1, count / 10))
        var i = 0
        while i < count {
            let size = i == massAt ? massSize : r.int(1..<65)
            let n = min(size, count - i)
            let stamp = start.addingTimeInterval(span * Double(i) / Double(count))
            var rows: [[String: SimValue]] = []
            for k in 0..<n { rows.append(make(i + k, &r)) }
            let created = try? store.write(stamp: stamp) { (b: inout OrgWriteBatch) throws(SimulatorError) -> [String] in
                try rows.map { row throws(SimulatorError) in try b.insert(object, row) }
            }
            ids += created ?? []
            i += n
        }
        return ids
    }
}
