import ConnectorCore
import Definitions
import Testing

/// One row of a seed mapping table as the tests expect it: the stream source field, the
/// Salesforce API field (nil for `import_time`), the user field, the type, whether it is a unique
/// id and how it is derived. Written by hand from the seed's tables, never read from `mappings/`.
struct MappingRow: Hashable, CustomStringConvertible {
    var source: String
    var salesforce: String?
    var user: String
    var type: FieldType
    var unique: Bool
    var derive: FieldDerivation?

    init(_ source: String, _ salesforce: String?, _ user: String, _ type: FieldType,
         unique: Bool = false, derive: FieldDerivation? = nil) {
        self.source = source
        self.salesforce = salesforce
        self.user = user
        self.type = type
        self.unique = unique
        self.derive = derive
    }

    init(_ loaded: FieldMapping) {
        self.init(loaded.source, loaded.salesforceField, loaded.userField, loaded.type,
                  unique: loaded.isUniqueID, derive: loaded.derivation)
    }

    var description: String {
        "\(source) <- \(salesforce ?? "-") -> \(user) \(type.rawValue)" + (unique ? " unique" : "")
            + (derive.map { " derive \($0.rawValue)" } ?? "")
    }

    /// Compares the rows `MappingLoader` loads for `object` from `mappings/` with `expected`,
    /// naming each missing and each unexpected row (a retyped or renamed row shows as both).
    static func check(object: String, stream: String, expected: [MappingRow]) throws {
        let mapping = try #require(try MappingLoader.loadAll(directory: mappingsDirectory).first { $0.object == object },
                                   "mappings/ has a mapping for \(object)")
        #expect(mapping.stream == stream)
        let loaded = mapping.fields.map(MappingRow.init)
        #expect(Set(expected).count == expected.count, "the expected table lists each row once")
        let missing = expected.filter { !loaded.contains($0) }
        let unexpected = loaded.filter { !expected.contains($0) }
        #expect(missing.isEmpty, "\(object): rows missing or changed in mappings/: \(missing)")
        #expect(unexpected.isEmpty, "\(object): rows in mappings/ that the seed's table does not have: \(unexpected)")
        #expect(loaded.count == expected.count, "\(object): \(loaded.count) rows loaded, \(expected.count) in the seed's table")
    }
}
