import Foundation

/// sObject Collections (§6.2), one API call per request, HTTP 200 with per-record results in
/// request order: `POST /composite/sobjects` (create, types may mix), `PATCH /composite/sobjects`
/// (update by `Id`), `PATCH /composite/sobjects/{O}/{ExternalIdField}` (upsert, `created` in each
/// result), `DELETE /composite/sobjects?ids=…`. More than 200 records, a body that is not JSON, an
/// unknown field or a value of the wrong type fail the whole request with a 400 error array.
struct CollectionsRoutes: SimulatorRouteProvider {
    static let maxRecords = 200
    let shared: WriteShared

    func handle(_ request: SimulatorRequest, session: SimulatorSession) async throws -> SimulatorResponse? {
        let seg = resourceSegments(session.resourcePath)
        guard seg.count >= 2, seg[0] == "composite", seg[1] == "sobjects" else { return nil }
        return CollectionsWriter(services: shared.services(session)).handle(request, session, seg)
    }
}

/// The collection operations of ``CollectionsRoutes`` for one request.
struct CollectionsWriter {
    let services: WriteServices

    func handle(_ request: SimulatorRequest, _ session: SimulatorSession, _ seg: [String]) -> SimulatorResponse? {
        do {
            switch (request.method, seg.count) {
            case ("POST", 2): return try write(request, session, upsertOn: nil)
            case ("PATCH", 2): return try write(request, session, upsertOn: nil, update: true)
            case ("PATCH", 4):
                guard let t = services.reader.target(seg[2]),
                      let f = services.reader.externalIdField(seg[3], of: t) else { return .notFound }
                return try write(request, session, upsertOn: (t, f))
            case ("DELETE", 2): return try delete(request, session)
            default: return nil
            }
        } catch {
            return .writeErrors(400, [error])
        }
    }

    private static let limitError = WriteError(code: "EXCEEDED_ID_LIMIT",
                                               message: "record limit reached. cannot submit more than 200 records into this call")

    private func write(_ r: SimulatorRequest, _ s: SimulatorSession, upsertOn: (WriteTarget, WriteFieldRules)?,
                       update: Bool = false) throws(WriteError) -> SimulatorResponse {
        let body = try WriteRequestReader.object(r.body)
        guard let records = body["records"]?.arrayValue else {
            throw WriteRequestReader.parserError("The request body needs a \"records\" array")
        }
        guard records.count <= CollectionsRoutes.maxRecords else { throw Self.limitError }
        let allOrNone = body["allOrNone"]?.boolValue ?? false
        var targets: [String: WriteTarget] = [:]
        var items: [WriteItem] = []
        for json in records {
            guard let record = json.objectValue else {
                throw WriteRequestReader.parserError("Each element of \"records\" must be a JSON object")
            }
            items.append(try item(record, upsertOn: upsertOn, update: update, &targets))
        }
        let outcomes = services.engine(r, s).apply(items, allOrNone: allOrNone)
        return .json(200, outcomes.map(\.json))
    }

    private func item(_ record: [String: WriteJSON], upsertOn: (WriteTarget, WriteFieldRules)?, update: Bool,
                      _ targets: inout [String: WriteTarget]) throws(WriteError) -> WriteItem {
        let typeName = record["attributes"]?.objectValue?["type"]?.stringValue
        var idText: String?
        if case .string(let id)? = record["Id"] { idText = id }
        guard let name = typeName ?? (update ? idText.flatMap(typeName(ofId:)) : nil) else {
            return WriteItem(nil, .create, problem: WriteError(code: "INVALID_TYPE", message: "Must send a concrete entity type."))
        }
        guard let target = targets[name.lowercased()] ?? services.reader.target(name) else {
            return WriteItem(nil, .create, problem: WriteError(code: "INVALID_TYPE", message:
                "sObject type '\(name)' is not supported."))
        }
        targets[name.lowercased()] = target
        if let (upsertTarget, _) = upsertOn, upsertTarget.name != target.name {
            return WriteItem(target, .create, problem: WriteError(code: "INVALID_TYPE", message:
                "Record type \(target.name) does not match the URL's sObject type \(upsertTarget.name)"))
        }
        let values = try services.reader.values(record, target)
        if let (_, field) = upsertOn {
            guard let v = values.first(where: { $0.0.name == field.name })?.1, case .string(let key) = v, !key.isEmpty else {
                return WriteItem(target, .create, problem: WriteError(code: "MISSING_ARGUMENT",
                                                                      message: "\(field.name) not specified"))
            }
            return WriteItem(target, .upsert(field: field, value: key), values: values)
        }
        if update {
            guard let id = idText else {
                return WriteItem(target, .create, problem: WriteError(code: "MISSING_ARGUMENT",
                                                                      message: "Id not specified in an update call"))
            }
            return WriteItem(target, .update(id: id), values: values)
        }
        return WriteItem(target, .create, values: values)
    }

    private func typeName(ofId id: String) -> String? {
        RecordID.parse(id).flatMap { services.store.schema.object(keyPrefix: $0.prefix)?.name }
    }

    private func delete(_ r: SimulatorRequest, _ s: SimulatorSession) throws(WriteError) -> SimulatorResponse {
        let ids = (r.query["ids"] ?? "").split(separator: ",").map(String.init)
        guard ids.count <= CollectionsRoutes.maxRecords else { throw Self.limitError }
        let items = ids.map { id -> WriteItem in
            guard let name = typeName(ofId: id), let t = services.reader.target(name) else {
                return WriteItem(nil, .create, problem: WriteError(code: "MALFORMED_ID", message: "malformed id \(id)"))
            }
            return WriteItem(t, .delete(id: id))
        }
        let outcomes = services.engine(r, s).apply(items, allOrNone: r.query["allOrNone"] == "true")
        return .json(200, outcomes.map(\.json))
    }
}
