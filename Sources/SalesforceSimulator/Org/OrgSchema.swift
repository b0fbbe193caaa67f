import Foundation

/// The org's objects and fields: what describe reports and what SOQL resolves names against.
///
/// Built from the standard objects (shaped by ``OrgOptions``) plus an optional schema file
/// (``SchemaFile``). Child relationships are derived from the lookups that name a
/// `childRelationshipName`.
public struct OrgSchema: Sendable, SOQLSchema {
    public private(set) var objects: [ObjectDescribe]
    public let options: OrgOptions
    private var index: [String: Int] = [:]
    private var prefixIndex: [String: Int] = [:]
    private var soqlFields: [String: [String: SOQLFieldType]] = [:]
    private var parents: [String: [String: SOQLRelationship]] = [:]
    private var children: [String: [String: SOQLRelationship]] = [:]

    /// The standard org with the given options.
    public init(options: OrgOptions = .init()) {
        self.init(objects: StandardObjects.all(options), options: options)
    }

    init(objects input: [ObjectDescribe], options: OrgOptions) {
        self.options = options
        objects = input.sorted { $0.name < $1.name }
        for i in objects.indices { objects[i].childRelationships = [] }
        for (i, o) in objects.enumerated() {
            index[o.name.lowercased()] = i
            prefixIndex[o.keyPrefix] = i
        }
        for o in objects {
            for f in o.fields where f.type == .reference {
                for target in f.referenceTo {
                    guard let t = index[target.lowercased()] else { continue }
                    if let child = f.childRelationshipName {
                        objects[t].childRelationships.append(ChildRelationshipInfo(
                            childSObject: o.name, field: f.name, relationshipName: child, cascadeDelete: f.cascadeDelete))
                        children[objects[t].name.lowercased(), default: [:]][child.lowercased()] =
                            SOQLRelationship(name: child, object: o.name, foreignKey: f.name)
                    }
                }
                if let rel = f.relationshipName, let first = f.referenceTo.first {
                    parents[o.name.lowercased(), default: [:]][rel.lowercased()] =
                        SOQLRelationship(name: rel, object: first, foreignKey: f.name)
                }
            }
            var map: [String: SOQLFieldType] = [:]
            for f in o.fields { map[f.name] = f.type.soqlType }
            soqlFields[o.name.lowercased()] = map
        }
        if let lead = index["lead"], !options.leadRecordTypes.isEmpty {
            var infos = [RecordTypeInfo(name: "Master", developerName: "Master", recordTypeId: "012000000000000AAA",
                                        defaultRecordTypeMapping: false, master: true)]
            for (i, name) in options.leadRecordTypes.enumerated() {
                infos.append(RecordTypeInfo(name: name, developerName: name.replacingOccurrences(of: " ", with: "_"),
                                            recordTypeId: RecordID.make(prefix: "012", seq: i + 1),
                                            defaultRecordTypeMapping: i == 0, master: false))
            }
            objects[lead].recordTypeInfos = infos
        }
    }

    /// Case-insensitive object lookup.
    public func object(_ name: String) -> ObjectDescribe? { index[name.lowercased()].map { objects[$0] } }

    /// The object whose Ids start with `prefix`.
    public func object(keyPrefix prefix: String) -> ObjectDescribe? { prefixIndex[prefix].map { objects[$0] } }

    /// A copy with objects added or extended by a schema file.
    /// - Throws: ``SimulatorError`` of kind `schemaFile` when the file clashes with the org.
    public func applying(_ file: SchemaFile) throws -> OrgSchema {
        var list = objects
        for custom in file.objects {
            if let i = list.firstIndex(where: { $0.name.lowercased() == custom.name.lowercased() }) {
                for f in custom.fields {
                    if list[i].field(f.name) != nil {
                        throw SimulatorError.schemaFile(file.path, "field \(custom.name).\(f.name) already exists")
                    }
                    list[i].fields.append(f)
                }
            } else {
                guard let prefix = custom.keyPrefix else {
                    throw SimulatorError.schemaFile(file.path, "object \(custom.name) is not a standard object, "
                        + "so it needs a keyPrefix")
                }
                if let clash = list.first(where: { $0.keyPrefix == prefix }) {
                    throw SimulatorError.schemaFile(file.path, "keyPrefix \(prefix) of \(custom.name) is already "
                        + "used by \(clash.name)")
                }
                var d = ObjectDescribe(name: custom.name, label: custom.label, labelPlural: custom.labelPlural,
                                       keyPrefix: prefix, fields: [FieldKit.id()] + FieldKit.audit())
                d.fields += [FieldKit.owner()] + custom.fields
                if d.field("Name") == nil {
                    d.fields.append(FieldKit.text("Name", 80, label: "\(d.label) Name").named())
                }
                list.append(d)
            }
        }
        for o in list {
            for f in o.fields where f.type == .reference {
                for t in f.referenceTo where !list.contains(where: { $0.name.lowercased() == t.lowercased() }) {
                    throw SimulatorError.schemaFile(file.path, "field \(o.name).\(f.name) refers to unknown object \(t)")
                }
            }
        }
        return OrgSchema(objects: list, options: options)
    }

    // MARK: SOQLSchema

    public func canonicalObjectName(_ name: String) -> String? { object(name)?.name }
    public func fields(of object: String) -> [String: SOQLFieldType]? { soqlFields[object.lowercased()] }
    public func parentRelationship(of object: String, named name: String) -> SOQLRelationship? {
        parents[object.lowercased()]?[name.lowercased()]
    }
    public func childRelationship(of object: String, named name: String) -> SOQLRelationship? {
        children[object.lowercased()]?[name.lowercased()]
    }
}
