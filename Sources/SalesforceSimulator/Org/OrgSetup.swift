import Foundation

/// How many synthetic records to create (see ``SyntheticOrg``).
public struct OrgSizes: Sendable, Equatable {
    public var leads: Int
    public var contacts: Int
    public var accounts: Int
    public var opportunities: Int
    public var campaigns: Int

    public init(leads: Int = 0, contacts: Int = 0, accounts: Int = 0, opportunities: Int = 0, campaigns: Int = 0) {
        self.leads = leads
        self.contacts = contacts
        self.accounts = accounts
        self.opportunities = opportunities
        self.campaigns = campaigns
    }

    public static let empty = OrgSizes()
}

/// The org a simulator starts with: schema options, an optional schema file and synthetic data.
public struct OrgSetup: Sendable {
    public var options: OrgOptions
    /// JSON schema file with custom fields and objects (format: ``SchemaFile``).
    public var schemaFile: String?
    /// Seed of the synthetic data; the same seed and sizes give the same org.
    public var seed: UInt64
    public var sizes: OrgSizes

    public init(options: OrgOptions = .init(), schemaFile: String? = nil, seed: UInt64 = 1, sizes: OrgSizes = .empty) {
        self.options = options
        self.schemaFile = schemaFile
        self.seed = seed
        self.sizes = sizes
    }

    /// The schema: standard objects with the options, plus the schema file.
    /// - Throws: ``SimulatorError`` of kind `schemaFile`.
    public func makeSchema() throws -> OrgSchema {
        let base = OrgSchema(options: options)
        guard let schemaFile else { return base }
        return try base.applying(try SchemaFile.load(path: schemaFile))
    }

    /// A store with the schema and the synthetic records.
    /// - Throws: ``SimulatorError`` of kind `schemaFile`.
    public func makeStore(clock: @escaping @Sendable () -> Date) throws -> OrgStore {
        let store = OrgStore(schema: try makeSchema(), clock: clock)
        SyntheticOrg(seed: seed, sizes: sizes).populate(store)
        return store
    }
}
