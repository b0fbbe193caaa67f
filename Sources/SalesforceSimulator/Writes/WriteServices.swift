import Foundation

/// Per-simulator write state shared by the write, Bulk and admin routes: the duplicate rule and
/// the Bulk jobs. The org and the fault dice come with each request's session.
struct WriteShared: Sendable {
    let controls: WriteControls
    let jobs: BulkJobRegistry

    func services(_ session: SimulatorSession) -> WriteServices {
        let dice = session.faults
        return WriteServices(store: session.org, controls: controls, lockFault: { dice.unableToLockRow() })
    }
}

/// What one request's write and Bulk routes use: the org, the write settings and the fault draw.
struct WriteServices: Sendable {
    let store: OrgStore
    let controls: WriteControls
    /// True when this record write should fail with `UNABLE_TO_LOCK_ROW` (the configured rate).
    let lockFault: @Sendable () -> Bool

    var reader: WriteRequestReader { WriteRequestReader(schema: store.schema) }

    func context(_ request: SimulatorRequest, _ session: SimulatorSession, bulk: Bool = false) -> WriteContext {
        WriteContext(apiVersion: session.apiVersion,
                     allowSave: bulk || WriteContext.allowSave(header: request.headers["sforce-duplicate-rule-header"]),
                     rule: controls.duplicateRule, lockFault: lockFault)
    }

    func engine(_ request: SimulatorRequest, _ session: SimulatorSession, bulk: Bool = false) -> WriteEngine {
        WriteEngine(store: store, context: context(request, session, bulk: bulk))
    }
}

extension SimulatorResponse {
    /// A REST error array of write errors (`errorCode`, `message`, `fields`).
    static func writeErrors(_ status: Int, _ errors: [WriteError]) -> SimulatorResponse {
        json(status, errors.map(\.restJSON))
    }

    static let notFound = SimulatorResponse.restError(404, "NOT_FOUND", "The requested resource does not exist")
}

/// Path segments of a resource path, percent-decoded.
func resourceSegments(_ path: String) -> [String] {
    path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
}
