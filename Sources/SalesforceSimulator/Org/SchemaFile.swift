import Foundation

/// Custom fields and objects read from a JSON schema file (`sfconnect simulator --schema FILE`).
///
/// Format (every key is checked; an unknown key is an error):
/// ```json
/// {"objects": [
///   {"name": "Lead", "fields": [{"name": "Lytics_Audiences__c", "type": "textarea", "length": 32768}]},
///   {"name": "Subscription__c", "label": "Subscription", "keyPrefix": "a01",
///    "fields": [{"name": "External_Id__c", "type": "string", "length": 64, "externalId": true, "unique": true},
///               {"name": "Contact__c", "type": "reference", "referenceTo": ["Contact"],
///                "relationshipName": "Contact__r", "childRelationshipName": "Subscriptions__r"}]}]}
/// ```
/// An object named like a standard object gains the fields; any other object must end in `__c` and
/// needs a 3-character `keyPrefix` (it gets Id, Name, OwnerId and the audit fields). Field keys:
/// `name` (ends in `__c`), `type` (describe spelling), `label`, `length`, `required`, `externalId`,
/// `unique`, `caseSensitive`, `createable`, `updateable`, `picklistValues` (strings), `defaultValue`,
/// `restrictedPicklist`, `referenceTo`, `relationshipName`, `childRelationshipName`, `precision`, `scale`.
public struct SchemaFile: Sendable {
    public struct Object: Sendable {
        public var name: String
        public var label: String?
        public var labelPlural: String?
        public var keyPrefix: String?
        public var fields: [FieldDescribe]
    }

    public var path: String
    public var objects: [Object]

    static let objectKeys: Set<String> = ["name", "label", "labelPlural", "keyPrefix", "fields"]
    static let fieldKeys: Set<String> = ["name", "type", "label", "length", "required", "externalId", "unique",
                                         "caseSensitive", "createable", "updateable", "picklistValues",
                                         "defaultValue", "restrictedPicklist", "referenceTo", "relationshipName",
                                         "childRelationshipName", "precision", "scale"]

    /// Reads and validates a schema file.
    /// - Throws: ``SimulatorError`` of kind `schemaFile` naming the file, the key path and the problem.
    public static func load(path: String) throws -> SchemaFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SimulatorError.schemaFile(path, "cannot be read (does it exist?)")
        }
        return try parse(data, path: path)
    }

    /// Parses schema JSON; `path` only names the source in errors.
    public static func parse(_ data: Data, path: String) throws -> SchemaFile {
        let root: [String: SchemaJSON]
        do {
            guard case .object(let top) = try JSONDecoder().decode(SchemaJSON.self, from: data) else {
                throw SimulatorError.schemaFile(path, "is not a JSON object")
            }
            root = top
        } catch let error as SimulatorError {
            throw error
        } catch {
            throw SimulatorError.schemaFile(path, "is not valid JSON")
        }
        let reader = SchemaReader(path: path)
        try reader.keys(root, ["objects"], at: "")
        guard case .array(let list)? = root["objects"] else {
            throw SimulatorError.schemaFile(path, "needs an \"objects\" array")
        }
        var objects: [Object] = []
        for (i, item) in list.enumerated() {
            objects.append(try reader.object(item, at: "objects[\(i)]"))
        }
        return SchemaFile(path: path, objects: objects)
    }
}
