/// Resolves dotted parent paths (`Contact__r.Email`, `RecordType.Name`, `Account.Owner.Email`)
/// hop by hop: each hop but the last is a lookup's relationship name (`Contact__r` for the
/// reference field `Contact__c`), the last is a field of the object the path arrives at.
///
/// A hop whose lookup points to one object whose describe is known (in `parents`) is checked
/// against it; past a polymorphic lookup (`Owner` → User or Group) or an object not described,
/// the rest of the path is taken as written (Salesforce checks it when the query runs). The
/// runner describes the parents of the job's explicit fields (``ImportPlanner/parentObjects(of:known:)``),
/// so `additional_fields`, custom-object `fields` and user mapping rows are checked to the leaf;
/// default rows are not (they cost no extra describe).
struct ParentPaths {
    let root: ObjectSchema
    /// Described parent objects by lower-cased API name.
    let parents: [String: ObjectSchema]

    enum Resolution: Equatable {
        /// The canonical spelling of the path, and the leaf's describe type when it was checked.
        case resolved(path: [String], leafType: String?)
        /// Why the path does not exist in this org.
        case missing(reason: String)
    }

    func resolve(_ parts: [String]) -> Resolution {
        var current: ObjectSchema? = root
        var path: [String] = []
        for (i, part) in parts.enumerated() {
            guard let schema = current else {
                return .resolved(path: path + parts[i...], leafType: nil)
            }
            if i == parts.count - 1 {
                guard let field = schema.field(part) else {
                    return .missing(reason: "\(schema.name) has no field '\(part)'")
                }
                return .resolved(path: path + [field.name], leafType: field.type)
            }
            guard let lookup = schema.parentRelationship(part), let relationship = lookup.relationshipName else {
                return .missing(reason: "\(schema.name) has no lookup whose relationship name is '\(part)'")
            }
            path.append(relationship)
            current = Self.singleTarget(lookup).flatMap { parents[$0.lowercased()] }
        }
        return .resolved(path: path, leafType: nil)
    }

    /// The first object along `parts` that would check a hop but is not described yet.
    func undescribedParent(_ parts: [String]) -> String? {
        var current = root
        for part in parts.dropLast() {
            guard let lookup = current.parentRelationship(part), let target = Self.singleTarget(lookup) else { return nil }
            guard let next = parents[target.lowercased()] else { return target }
            current = next
        }
        return nil
    }

    /// The object a lookup points to, when it points to exactly one.
    static func singleTarget(_ lookup: ObjectSchema.Field) -> String? {
        lookup.referenceTo.count == 1 ? lookup.referenceTo[0] : nil
    }
}

extension ImportPlanner {
    /// The explicit dotted parent paths of this planner on `schema`: additional fields and user
    /// mapping rows that are not child subqueries.
    func explicitParentPaths(on schema: ObjectSchema) -> [[String]] {
        let names = additionalFields + userRows.compactMap(\.salesforceField)
        return names.compactMap { name in
            let parts = name.split(separator: ".").map(String.init)
            guard parts.count >= 2 else { return nil }
            if parts.count == 2, schema.childRelationship(parts[0]) != nil { return nil }
            return parts
        }
    }

    /// The objects still to describe so that every explicit parent path can be checked to its
    /// leaf, given the parents `known` so far (by lower-cased name). Call it again after
    /// describing them until it returns nothing (each hop of a longer path needs its own).
    public func parentObjects(of schema: ObjectSchema, known: [String: ObjectSchema]) -> [String] {
        let paths = ParentPaths(root: schema, parents: known)
        return orderedUnique(explicitParentPaths(on: schema).compactMap(paths.undescribedParent))
    }
}
