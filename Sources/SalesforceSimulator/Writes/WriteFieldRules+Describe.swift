import Foundation

extension WriteFieldRules {
    /// The write rules of a described field.
    init(_ f: FieldDescribe) {
        self.init(name: f.name, label: f.label, type: f.type.rawValue, length: f.length, nillable: f.nillable,
                  createable: f.createable && !f.calculated, updateable: f.updateable && !f.calculated,
                  defaultedOnCreate: f.defaultedOnCreate, externalId: f.externalId, unique: f.unique,
                  caseSensitive: f.caseSensitive, restrictedPicklist: f.restrictedPicklist,
                  picklistValues: f.picklistValues.filter(\.active).map(\.value), referenceTo: f.referenceTo)
    }
}

extension WriteObjectRules {
    /// The write rules of a described object.
    init(_ d: ObjectDescribe) {
        self.init(name: d.name, fields: d.fields.map(WriteFieldRules.init))
    }
}
