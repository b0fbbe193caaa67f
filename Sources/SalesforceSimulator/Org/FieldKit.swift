import Foundation

/// Short constructors for the standard-object tables.
enum FieldKit {
    static func id() -> FieldDescribe { FieldDescribe(name: "Id", label: "Record ID", type: .id, length: 18) }

    static func text(_ name: String, _ length: Int, label: String? = nil) -> FieldDescribe {
        FieldDescribe(name: name, label: label, type: .string, length: length)
    }

    static func area(_ name: String, _ length: Int, label: String? = nil) -> FieldDescribe {
        FieldDescribe(name: name, label: label, type: .textarea, length: length)
    }

    static func typed(_ name: String, _ type: FieldType, _ length: Int = 0, label: String? = nil) -> FieldDescribe {
        FieldDescribe(name: name, label: label, type: type, length: length)
    }

    static func bool(_ name: String, label: String? = nil) -> FieldDescribe {
        FieldDescribe(name: name, label: label, type: .boolean)
    }

    static func picklist(_ name: String, _ values: [String], default def: String? = nil,
                         restricted: Bool = false, length: Int = 255, label: String? = nil) -> FieldDescribe {
        var f = FieldDescribe(name: name, label: label, type: .picklist, length: length)
        f.picklistValues = values.map { PicklistValue($0, defaultValue: $0 == def) }
        f.restrictedPicklist = restricted
        if def != nil { f.defaultedOnCreate = true }
        return f
    }

    /// A lookup: `AccountId` → Account, relationship `Account`, child relationship `Contacts` on Account.
    static func ref(_ name: String, to targets: [String], rel: String?, child: String? = nil,
                    label: String? = nil) -> FieldDescribe {
        var f = FieldDescribe(name: name, label: label, type: .reference, length: 18)
        f.referenceTo = targets
        f.relationshipName = rel
        f.childRelationshipName = child
        return f
    }

    /// IsDeleted, CreatedDate, CreatedById, LastModifiedDate, LastModifiedById, SystemModstamp.
    static func audit() -> [FieldDescribe] {
        [bool("IsDeleted", label: "Deleted").readOnly(),
         typed("CreatedDate", .datetime, label: "Created Date").readOnly().defaulted(),
         ref("CreatedById", to: ["User"], rel: "CreatedBy", label: "Created By ID").readOnly().defaulted(),
         typed("LastModifiedDate", .datetime, label: "Last Modified Date").readOnly().defaulted(),
         ref("LastModifiedById", to: ["User"], rel: "LastModifiedBy", label: "Last Modified By ID")
            .readOnly().defaulted(),
         typed("SystemModstamp", .datetime, label: "System Modstamp").readOnly().defaulted()]
    }

    static func owner() -> FieldDescribe {
        ref("OwnerId", to: ["User"], rel: "Owner", label: "Owner ID").defaulted().required()
    }

    /// Street/City/State/PostalCode/Country (+ StateCode/CountryCode with picklists) and Latitude/Longitude.
    static func address(_ prefix: String, picklists: Bool) -> [FieldDescribe] {
        let compound = prefix.isEmpty ? "Address" : prefix + "Address"
        var out = [area(prefix + "Street", 255), text(prefix + "City", 40), text(prefix + "State", 80),
                   text(prefix + "PostalCode", 20), text(prefix + "Country", 80)]
        if picklists {
            var state = picklist(prefix + "StateCode", SampleValues.stateCodes, restricted: true)
            state.label = (prefix.isEmpty ? "" : prefix + " ") + "State/Province Code"
            var country = picklist(prefix + "CountryCode", SampleValues.countryCodes, restricted: true)
            country.label = (prefix.isEmpty ? "" : prefix + " ") + "Country Code"
            out += [state, country]
        }
        out += [typed(prefix + "Latitude", .double), typed(prefix + "Longitude", .double)]
        return out.map { f in var f = f; f.compoundFieldName = compound; return f }
    }
}

extension FieldDescribe {
    /// Not writable (system, formula or derived).
    func readOnly() -> FieldDescribe {
        var f = self; f.createable = false; f.updateable = false; return f
    }
    /// Writable on create only.
    func createOnly() -> FieldDescribe { var f = self; f.updateable = false; return f }
    /// Required on create (not nillable).
    func required() -> FieldDescribe { var f = self; f.nillable = false; return f }
    func defaulted() -> FieldDescribe { var f = self; f.defaultedOnCreate = true; return f }
    /// A formula / derived field.
    func formula() -> FieldDescribe { var f = self.readOnly(); f.calculated = true; return f }
    func named() -> FieldDescribe { var f = self; f.nameField = true; return f }
    func lookupKey() -> FieldDescribe { var f = self; f.idLookup = true; return f }
}
