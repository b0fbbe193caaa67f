import Foundation

/// Admin endpoints contributed by a route provider: `/__admin/...`, not counted as API calls.
protocol SimulatorAdminProvider: Sendable {
    func admin(_ request: SimulatorRequest) -> SimulatorResponse?
}

/// Admin endpoints of the write side:
/// - `GET|POST /__admin/duplicate-rule` `{"mode":"off|alert|block","errorMessage":"…"}`
/// - `POST /__admin/convert-lead` `{"leadId":"00Q…"}` → `{"leadId","accountId","contactId"}`
/// - `GET /__admin/records/{Object}[?includeDeleted=true]` → `{"object","totalSize","records":[…]}`
/// - `GET|POST /__admin/bulk` `{"pollsBeforeComplete":1,"delayMs":0,"defaultPageSize":50000,
///   "batchSize":10000,"failNextJob":{"errorMessage":"…","processRecords":0}}`
struct WriteAdminRoutes: SimulatorAdminProvider {
    let store: OrgStore
    let shared: WriteShared

    var jobs: BulkJobRegistry { shared.jobs }
    var controls: WriteControls { shared.controls }

    func admin(_ request: SimulatorRequest) -> SimulatorResponse? {
        let seg = resourceSegments(request.path)
        guard seg.count >= 2, seg[0] == "__admin" else { return nil }
        let body = WriteJSON.parse(request.body)?.objectValue
        switch (request.method, seg[1], seg.count) {
        case ("GET", "duplicate-rule", 2): return ruleResponse()
        case ("POST", "duplicate-rule", 2):
            var rule = controls.duplicateRule
            guard let text = body?["mode"]?.stringValue, let mode = DuplicateRule.Mode(rawValue: text) else {
                return .restError(400, "INVALID_REQUEST", "mode must be one of off, alert, block")
            }
            rule.mode = mode
            if let m = body?["errorMessage"]?.stringValue { rule.errorMessage = m }
            controls.duplicateRule = rule
            return ruleResponse()
        case ("POST", "convert-lead", 2):
            guard let id = body?["leadId"]?.stringValue else {
                return .restError(400, "INVALID_REQUEST", "body must be {\"leadId\": \"00Q…\"}")
            }
            do {
                let c = try LeadConversion(store: store).convert(leadId: id)
                return .json(200, ["leadId": id, "accountId": c.accountId, "contactId": c.contactId])
            } catch {
                return .writeErrors(error.code == "NOT_FOUND" ? 404 : 400, [error])
            }
        case ("GET", "records", 3): return records(seg[2], includeDeleted: request.query["includeDeleted"] == "true")
        case ("GET", "bulk", 2): return bulkResponse()
        case ("POST", "bulk", 2):
            guard let body else { return .restError(400, "INVALID_REQUEST", "body must be a JSON object") }
            return configureBulk(body)
        default: return nil
        }
    }

    private func ruleResponse() -> SimulatorResponse {
        let r = controls.duplicateRule
        return .json(200, ["mode": r.mode.rawValue, "errorMessage": r.errorMessage, "duplicateRule": r.name])
    }

    private func records(_ object: String, includeDeleted: Bool) -> SimulatorResponse {
        guard let d = store.schema.object(object) else { return .notFound }
        let ids = store.read { view in
            view.records(of: d.name, includeDeleted: includeDeleted).compactMap(\.id)
        }
        let records = ids.compactMap { store.values(id: $0)?.values }
            .map { WriteRecordJSON.record($0, object: d, fields: nil, version: "62.0") }
        return .json(200, ["object": d.name, "totalSize": records.count, "records": records])
    }

    private func bulkResponse() -> SimulatorResponse {
        let s = jobs.settings
        return .json(200, ["pollsBeforeComplete": s.policy.pollsBeforeComplete, "delayMs": Int(s.policy.delay * 1000),
                           "defaultPageSize": s.defaultPageSize, "batchSize": s.batchSize,
                           "pendingFailures": s.pendingFailures.count])
    }

    private func configureBulk(_ body: [String: WriteJSON]) -> SimulatorResponse {
        var s = jobs.settings
        func int(_ key: String) -> Int? { if case .number(let d)? = body[key] { return Int(d) } else { return nil } }
        if let n = int("pollsBeforeComplete") { s.policy.pollsBeforeComplete = max(0, n) }
        if let n = int("delayMs") { s.policy.delay = Double(max(0, n)) / 1000 }
        if let n = int("defaultPageSize"), n > 0 { s.defaultPageSize = n }
        if let n = int("batchSize"), n > 0 { s.batchSize = n }
        if let f = body["failNextJob"]?.objectValue {
            var processed = 0
            if case .number(let d)? = f["processRecords"] { processed = max(0, Int(d)) }
            s.pendingFailures.append(BulkInjectedFailure(
                errorMessage: f["errorMessage"]?.stringValue ?? "InternalServerError : the job failed", processRecords: processed))
        }
        jobs.settings = s
        return bulkResponse()
    }
}
