import ConnectorCore
import Foundation

/// `sfconnect bench profiles`: resolves synthetic lead and contact records (some sharing
/// emails) into profiles, evaluates five audiences, then changes 1,000 and 10,000 records and
/// re-evaluates, timing each phase. The change phases touch only the changed profiles, so their
/// cost per record stays flat while the store holds 200,000 records.
public struct ProfileBenchmark: Sendable {
    public struct Phase: Sendable, Hashable, CustomStringConvertible {
        public var name: String
        public var records: Int
        public var seconds: Double
        public var recordsPerSecond: Double { seconds > 0 ? Double(records) / seconds : 0 }
        public var description: String {
            String(format: "%@: %d records in %.3f s (%.0f records/s)", name, records, seconds, recordsPerSecond)
        }
    }

    public var leads: Int
    public var contacts: Int
    public var pageSize = 2000
    /// Every n-th contact shares its email with a lead (so their profiles merge).
    public var sharedEvery = 3

    public init(leads: Int, contacts: Int) {
        self.leads = leads
        self.contacts = contacts
    }

    static let leadMapping: [FieldMapping] = [
        .init(source: "lead_id", salesforceField: "Id", userField: "salesforce_lead_ids", type: .stringList, isUniqueID: true),
        .init(source: "lead_email", salesforceField: "Email", userField: "email", type: .string, isUniqueID: true),
        .init(source: "lead_email", salesforceField: "Email", userField: "emaildomains", type: .stringList, derivation: .emailDomain),
        .init(source: "lead_status", salesforceField: "Status", userField: "salesforce_lead_status", type: .string),
        .init(source: "lead_industry", salesforceField: "Industry", userField: "salesforce_lead_industry", type: .string),
        .init(source: "lead_title", salesforceField: "Title", userField: "title", type: .string),
        .init(source: "lead_employees", salesforceField: "NumberOfEmployees", userField: "salesforce_lead_employees", type: .int),
        .init(source: "lead_converted", salesforceField: "IsConverted", userField: "salesforce_lead_is_converted", type: .bool),
        .init(source: "lead_created", salesforceField: "CreatedDate", userField: "salesforce_lead_created_date", type: .date),
    ]

    static let contactMapping: [FieldMapping] = [
        .init(source: "contact_id", salesforceField: "Id", userField: "salesforce_contact_ids", type: .stringList, isUniqueID: true),
        .init(source: "contact_email", salesforceField: "Email", userField: "email", type: .string, isUniqueID: true),
        .init(source: "contact_title", salesforceField: "Title", userField: "title", type: .string),
        .init(source: "contact_department", salesforceField: "Department", userField: "salesforce_contact_department", type: .string),
        .init(source: "contact_lead_source", salesforceField: "LeadSource", userField: "salesforce_contact_lead_source", type: .string),
    ]

    static let audiences: [AudienceDefinition] = [
        .init(name: "working_tech", selection: .expression(
            "salesforce_lead_status = 'Working' AND salesforce_lead_industry IN ('Technology','Media')")),
        .init(name: "big_companies", selection: .expression("salesforce_lead_employees >= 5000")),
        .init(name: "converted", selection: .expression("salesforce_lead_is_converted = 1")),
        .init(name: "engineering_contacts", selection: .expression("salesforce_contact_department = 'Engineering'")),
        .init(name: "vps", selection: .expression("title LIKE 'VP%'")),
    ]

    static let statuses = ["Open", "Working", "Nurturing", "Closed"]
    static let industries = ["Technology", "Media", "Retail", "Finance", "Health"]
    static let titles = ["VP Sales", "Engineer", "Manager", "Director", "VP Marketing", "Analyst"]
    static let departments = ["Engineering", "Sales", "Marketing", "Finance"]

    func lead(_ i: Int, version: Int) -> StreamRecord {
        let fields: [String: JSONValue] = [
            "lead_id": .string("00Q\(i)"), "lead_email": .string("person\(i)@company\(i % 997).com"),
            "lead_status": .string(Self.statuses[(i + version) % 4]), "lead_industry": .string(Self.industries[i % 5]),
            "lead_title": .string(Self.titles[(i + version) % 6]), "lead_employees": .number(Double((i * 37) % 10_000)),
            "lead_converted": .bool((i + version) % 7 == 0), "lead_created": .string("2025-06-01T12:00:00.000+0000"),
        ]
        return StreamRecord(id: "00Q\(i)", timestamp: Date(timeIntervalSince1970: 1_750_000_000 + Double(i + version * 1_000_000)),
                            fields: fields)
    }

    func contact(_ i: Int) -> StreamRecord {
        let email = i % sharedEvery == 0 && i < leads ? "person\(i)@company\(i % 997).com" : "contact\(i)@firm\(i % 991).com"
        let fields: [String: JSONValue] = [
            "contact_id": .string("003\(i)"), "contact_email": .string(email), "contact_title": .string(Self.titles[(i + 1) % 6]),
            "contact_department": .string(Self.departments[i % 4]), "contact_lead_source": .string("Web"),
        ]
        return StreamRecord(id: "003\(i)", timestamp: Date(timeIntervalSince1970: 1_750_000_500 + Double(i)), fields: fields)
    }

    /// Runs every phase on `store` (use an empty one) and returns the timings.
    /// - Throws: ``StoreError``.
    public func run(on store: Store, progress: (Phase) -> Void = { _ in }) throws -> [Phase] {
        var phases: [Phase] = []
        func time(_ name: String, _ records: Int, _ body: () throws -> Void) throws {
            let start = ContinuousClock.now
            try body()
            let d = ContinuousClock.now - start
            let p = Phase(name: name, records: records,
                          seconds: Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
            phases.append(p)
            progress(p)
        }
        try time("resolve leads", leads) { try load(leads, on: store, stream: "salesforce_leads", object: "Lead", mapping: Self.leadMapping) { lead($0, version: 0) } }
        try time("resolve contacts", contacts) { try load(contacts, on: store, stream: "salesforce_contacts", object: "Contact", mapping: Self.contactMapping, contact) }
        try time("evaluate 5 audiences (all profiles)", try store.profileCount()) { for a in Self.audiences { try store.defineAudience(a) } }
        for (n, version) in [(1000, 1), (10_000, 2), (1000, 3)] where n <= leads {
            try time("change \(n) leads and re-evaluate", n) {
                try load(n, on: store, stream: "salesforce_leads", object: "Lead", mapping: Self.leadMapping) { lead($0 * (leads / n), version: version) }
            }
        }
        return phases
    }

    private func load(_ count: Int, on store: Store, stream: String, object: String, mapping: [FieldMapping],
                      _ make: (Int) -> StreamRecord) throws {
        var i = 0
        while i < count {
            let page = (i..<min(i + pageSize, count)).map(make)
            try store.appendPage(stream: stream, object: object, records: page, mapping: mapping)
            i += page.count
        }
    }
}
