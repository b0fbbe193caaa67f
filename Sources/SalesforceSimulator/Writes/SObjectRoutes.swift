import Foundation

/// Single-record REST writes (§6.1): `POST /sobjects/{O}` (201), `PATCH|DELETE /sobjects/{O}/{id}`
/// (204 / 204, soft delete), and upsert `PATCH /sobjects/{O}/{Field}/{value}` (201 created, 200
/// `created:false`, 300 with the matching record URLs, 404 for a field that is not an External ID).
/// Validation failures answer 400 with the REST error array. Reads are ``OrgReadRoutes``'.
struct SObjectRoutes: SimulatorRouteProvider {
    let shared: WriteShared

    func handle(_ request: SimulatorRequest, session: SimulatorSession) async throws -> SimulatorResponse? {
        let seg = resourceSegments(session.resourcePath)
        guard seg.first == "sobjects", seg.count >= 2, seg.count <= 4 else { return nil }
        switch (request.method, seg.count) {
        case ("POST", 2), ("PATCH", 3), ("DELETE", 3), ("PATCH", 4): break
        default: return nil
        }
        let services = shared.services(session)
        guard let target = services.reader.target(seg[1]) else { return .notFound }
        let writer = SObjectWriter(services: services)
        do {
            switch (request.method, seg.count) {
            case ("POST", _): return try writer.create(target, request, session)
            case ("PATCH", 3): return try writer.update(target, id: seg[2], request, session)
            case ("DELETE", _): return writer.delete(target, id: seg[2], request, session)
            default: return try writer.upsert(target, field: seg[2], value: seg[3], request, session)
            }
        } catch {
            return .writeErrors(400, [error])
        }
    }

}

/// The single-record write operations of ``SObjectRoutes``.
struct SObjectWriter {
    let services: WriteServices

    private func outcomeResponse(_ o: WriteOutcome, success status: Int, body: Bool) -> SimulatorResponse {
        guard o.success else { return .writeErrors(400, o.errors) }
        return body ? .json(status, o.json) : SimulatorResponse(status: status)
    }

    func create(_ t: WriteTarget, _ r: SimulatorRequest, _ s: SimulatorSession) throws(WriteError) -> SimulatorResponse {
        let values = try services.reader.values(try WriteRequestReader.object(r.body), t)
        let o = services.engine(r, s).apply([WriteItem(t, .create, values: values)], allOrNone: true)[0]
        return outcomeResponse(o, success: 201, body: true)
    }

    /// 404 NOT_FOUND for an unknown id, 404 ENTITY_IS_DELETED for a deleted one, else nil.
    private func missing(_ t: WriteTarget, _ id: String) -> SimulatorResponse? {
        guard RecordID.parse(id)?.prefix == t.describe.keyPrefix, let found = services.store.values(id: id) else {
            return .notFound
        }
        if found.values["IsDeleted"] == .bool(true) {
            return .json(404, [WriteError.entityIsDeleted.restJSON])
        }
        return nil
    }

    func update(_ t: WriteTarget, id: String, _ r: SimulatorRequest,
                        _ s: SimulatorSession) throws(WriteError) -> SimulatorResponse {
        if let answer = missing(t, id) { return answer }
        let values = try services.reader.values(try WriteRequestReader.object(r.body), t)
        let o = services.engine(r, s).apply([WriteItem(t, .update(id: id), values: values)], allOrNone: true)[0]
        return outcomeResponse(o, success: 204, body: false)
    }

    func delete(_ t: WriteTarget, id: String, _ r: SimulatorRequest, _ s: SimulatorSession) -> SimulatorResponse {
        if let answer = missing(t, id) { return answer }
        let o = services.engine(r, s).apply([WriteItem(t, .delete(id: id))], allOrNone: true)[0]
        return outcomeResponse(o, success: 204, body: false)
    }

    func upsert(_ t: WriteTarget, field: String, value: String, _ r: SimulatorRequest,
                        _ s: SimulatorSession) throws(WriteError) -> SimulatorResponse {
        guard let f = services.reader.externalIdField(field, of: t) else { return .notFound }
        let values = try services.reader.values(try WriteRequestReader.object(r.body), t)
        let o = services.engine(r, s).apply([WriteItem(t, .upsert(field: f, value: value), values: values)],
                                            allOrNone: true)[0]
        if !o.multipleMatches.isEmpty {
            return .json(300, o.multipleMatches.map { WriteRecordJSON.url(t.name, $0, version: s.apiVersion) })
        }
        return outcomeResponse(o, success: o.created == true ? 201 : 200, body: true)
    }
}
