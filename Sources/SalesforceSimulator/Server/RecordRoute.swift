import Foundation

/// `GET /sobjects/{Object}/{id}[?fields=a,b]` and `GET /sobjects/{Object}/{ExternalIdField}/{value}` (§6.1).
struct RecordRoute {
    let request: SimulatorRequest
    let session: SimulatorSession
    let object: ObjectDescribe

    var base: String { "/services/data/v\(session.apiVersion)" }

    func byId(_ id: String) -> SimulatorResponse {
        guard let parsed = RecordID.parse(id), parsed.prefix == object.keyPrefix,
              let (name, values) = session.org.values(id: id), name == object.name else {
            return OrgReadRoutes.notFound
        }
        if values["IsDeleted"] == .bool(true) {
            return .json(404, [["errorCode": "ENTITY_IS_DELETED", "message": "entity is deleted", "fields": [String]()]])
        }
        return render(values)
    }

    func byExternalId(field: String, value: String) -> SimulatorResponse {
        guard let f = object.field(field), f.idLookup || f.externalId else {
            return .restError(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: \(field)")
        }
        if f.type == .id { return byId(value) }
        let ids = session.org.lookup(object.name, field: f.name, value: value)
        switch ids.count {
        case 0: return OrgReadRoutes.notFound
        case 1: return byId(ids[0])
        default:
            return .json(300, ids.map { "\(base)/sobjects/\(object.name)/\($0)" })
        }
    }

    private func render(_ values: [String: SimValue]) -> SimulatorResponse {
        var names = object.fields.map(\.name)
        if let list = request.query["fields"], !list.isEmpty {
            names = []
            for raw in list.split(separator: ",") {
                let n = raw.trimmingCharacters(in: .whitespaces)
                guard let f = object.field(n) else {
                    let e = SOQLError.noSuchColumn(n, entity: object.name)
                    return .restError(400, e.errorCode, e.message)
                }
                names.append(f.name)
            }
        }
        var w = JSONWriter()
        RecordJSON.attributes(object: object.name, id: values["Id"].flatMap { if case .string(let s) = $0 { s } else { nil } },
                              base: base, &w)
        for n in names {
            w.comma()
            w.key(n)
            w.value(values[n] ?? .null)
        }
        w.raw("}")
        return RecordJSON.response(w)
    }
}

/// `GET /sobjects/{Object}/deleted/?start=&end=`: records deleted in the window (seconds ignored, as Salesforce).
struct DeletedRoute {
    let request: SimulatorRequest
    let session: SimulatorSession
    let object: ObjectDescribe

    static func minute(_ d: Date) -> Date {
        Date(timeIntervalSince1970: (d.timeIntervalSince1970 / 60).rounded(.down) * 60)
    }

    func run() -> SimulatorResponse {
        var bounds: [Date] = []
        for key in ["start", "end"] {
            guard let raw = request.query[key], !raw.isEmpty else {
                return .restError(400, "MISSING_ARGUMENT", "Missing required parameter: \(key)")
            }
            guard let d = SOQLDates.parseDateTime(raw) else {
                return .restError(400, "INVALID_DATE_FORMAT",
                                  "\(key): '\(raw)' is not a dateTime in ISO 8601 format (YYYY-MM-DDThh:mm:ss+hh:mm)")
            }
            bounds.append(Self.minute(d))
        }
        guard bounds[0] <= bounds[1] else {
            return .restError(400, "INVALID_REPLICATION_DATE", "start date must be before end date")
        }
        let now = session.now
        let covered = min(bounds[1], Self.minute(now))
        let rows = session.org.deleted(object.name, from: bounds[0], to: covered)
        let earliest = Self.minute(now.addingTimeInterval(-15 * 86400))
        return .json(200, [
            "deletedRecords": rows.map { ["id": $0.id, "deletedDate": OrgDates.restDateTime($0.deletedDate)] },
            "earliestDateAvailable": OrgDates.restDateTime(earliest),
            "latestDateCovered": OrgDates.restDateTime(covered),
        ] as [String: Any])
    }
}
