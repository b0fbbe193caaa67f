import Foundation

/// describeGlobal and describe bodies (§4.1, §4.2), every key present (nulls explicit).
enum DescribeJSON {
    static func urls(_ o: ObjectDescribe, base: String) -> [String: Any] {
        let root = "\(base)/sobjects/\(o.name)"
        return ["sobject": root, "describe": root + "/describe", "rowTemplate": root + "/{ID}"]
    }

    /// The object flags shared by describeGlobal entries and describe.
    static func flags(_ o: ObjectDescribe, base: String) -> [String: Any] {
        ["activateable": false, "createable": o.createable, "custom": o.custom, "customSetting": false,
         "deletable": o.deletable, "deprecatedAndHidden": false, "feedEnabled": o.feedEnabled,
         "hasSubtypes": false, "isSubtype": false, "keyPrefix": o.keyPrefix, "label": o.label,
         "labelPlural": o.labelPlural, "layoutable": o.layoutable, "mergeable": o.mergeable, "mruEnabled": true,
         "name": o.name, "queryable": o.queryable, "replicateable": o.replicateable, "retrieveable": o.retrieveable,
         "searchable": o.searchable, "triggerable": o.triggerable, "undeletable": o.undeletable,
         "updateable": o.updateable, "urls": urls(o, base: base)]
    }

    static func global(_ schema: OrgSchema, base: String) -> [String: Any] {
        ["encoding": "UTF-8", "maxBatchSize": 200, "sobjects": schema.objects.map { flags($0, base: base) }]
    }

    static func describe(_ o: ObjectDescribe, base: String) -> [String: Any] {
        var d = flags(o, base: base)
        d["fields"] = o.fields.map(field)
        d["childRelationships"] = o.childRelationships.map { c -> [String: Any] in
            ["childSObject": c.childSObject, "field": c.field, "relationshipName": c.relationshipName ?? NSNull(),
             "cascadeDelete": c.cascadeDelete, "deprecatedAndHidden": false, "restrictedDelete": false]
        }
        d["recordTypeInfos"] = o.recordTypeInfos.map { r -> [String: Any] in
            ["name": r.name, "developerName": r.developerName, "recordTypeId": r.recordTypeId, "active": r.active,
             "available": true, "defaultRecordTypeMapping": r.defaultRecordTypeMapping, "master": r.master,
             "urls": ["layout": "\(base)/sobjects/\(o.name)/describe/layouts/\(r.recordTypeId)"]]
        }
        return d
    }

    static func field(_ f: FieldDescribe) -> [String: Any] {
        func opt(_ s: String?) -> Any { s ?? NSNull() }
        let picklist = f.type == .picklist || f.type == .multipicklist || f.type == .combobox
        return [
            "aggregatable": f.groupable && f.type != .boolean, "autoNumber": f.autoNumber,
            "byteLength": f.length * 3, "calculated": f.calculated, "calculatedFormula": NSNull(),
            "cascadeDelete": f.cascadeDelete, "caseSensitive": f.caseSensitive,
            "compoundFieldName": opt(f.compoundFieldName), "controllerName": NSNull(), "createable": f.createable,
            "custom": f.custom, "defaultValue": f.type == .boolean ? false as Any : opt(f.defaultPicklistValue),
            "defaultValueFormula": NSNull(), "defaultedOnCreate": f.defaultedOnCreate, "dependentPicklist": false,
            "deprecatedAndHidden": false, "digits": f.digits, "encrypted": false, "externalId": f.externalId,
            "extraTypeInfo": opt(f.extraTypeInfo), "filterable": f.filterable, "groupable": f.groupable,
            "htmlFormatted": f.htmlFormatted, "idLookup": f.idLookup, "inlineHelpText": NSNull(), "label": f.label,
            "length": f.length, "name": f.name, "nameField": f.nameField, "namePointing": f.referenceTo.count > 1,
            "nillable": f.nillable, "permissionable": f.nillable && f.createable, "picklistValues": picklist
                ? f.picklistValues.map { p -> [String: Any] in
                    ["active": p.active, "defaultValue": p.defaultValue, "label": p.label, "validFor": NSNull(),
                     "value": p.value]
                } : [],
            "polymorphicForeignKey": f.referenceTo.count > 1, "precision": f.precision, "referenceTo": f.referenceTo,
            "relationshipName": opt(f.relationshipName), "relationshipOrder": NSNull(),
            "restrictedPicklist": f.restrictedPicklist, "scale": f.scale, "soapType": f.type.soapType,
            "sortable": f.sortable, "type": f.type.rawValue, "unique": f.unique, "updateable": f.updateable,
        ]
    }
}
