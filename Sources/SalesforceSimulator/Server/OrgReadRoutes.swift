import Foundation

/// The read side of the REST API: describeGlobal, describe, query/queryAll with paging, record reads,
/// `/sobjects/{Object}/deleted/` and `/limits/recordCount`. Non-GET requests are left to other providers.
public struct OrgReadRoutes: SimulatorRouteProvider {
    public init() {}

    static let notFound = SimulatorResponse.restError(404, "NOT_FOUND", "The requested resource does not exist")

    public func handle(_ request: SimulatorRequest, session: SimulatorSession) async throws -> SimulatorResponse? {
        guard request.method == "GET" else { return nil }
        // Decoded after splitting, so an external id may hold an encoded "/", space or unicode.
        let parts = resourceSegments(session.resourcePath)
        guard let head = parts.first else { return nil }
        let base = "/services/data/v\(session.apiVersion)"
        let schema = session.org.schema
        switch head {
        case "query", "queryAll":
            let route = QueryRoute(request: request, session: session)
            if parts.count == 1 { return route.run(includeDeleted: head == "queryAll") }
            if parts.count == 2 { return route.more(parts[1]) }
            return Self.notFound
        case "limits" where parts.count == 2 && parts[1] == "recordCount":
            return recordCount(request, session)
        case "sobjects":
            if parts.count == 1 { return .json(200, DescribeJSON.global(schema, base: base)) }
            guard let object = schema.object(parts[1]) else { return Self.notFound }
            switch parts.count {
            case 2:
                return .json(200, ["objectDescribe": DescribeJSON.flags(object, base: base), "recentItems": [Any]()])
            case 3 where parts[2] == "describe":
                return .json(200, DescribeJSON.describe(object, base: base))
            case 3 where parts[2] == "deleted":
                return DeletedRoute(request: request, session: session, object: object).run()
            case 3:
                return RecordRoute(request: request, session: session, object: object).byId(parts[2])
            case 4:
                return RecordRoute(request: request, session: session, object: object)
                    .byExternalId(field: parts[2], value: parts[3])
            default:
                return Self.notFound
            }
        default:
            return nil
        }
    }

    private func recordCount(_ request: SimulatorRequest, _ session: SimulatorSession) -> SimulatorResponse {
        let schema = session.org.schema
        let names = request.query["sObjects"].map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            ?? schema.objects.filter(\.queryable).map(\.name)
        var out: [[String: Any]] = []
        for name in names {
            guard let o = schema.object(name), let n = session.org.count(o.name) else { continue }
            out.append(["count": n, "name": o.name])
        }
        return .json(200, ["sObjects": out])
    }
}
