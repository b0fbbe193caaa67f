import Foundation

/// The write side of the simulator: single-record REST, sObject Collections, Bulk API 2.0 query and
/// ingest jobs, and their admin endpoints, all over one org.
struct WriteRoutes {
    let store: OrgStore
    let shared = WriteShared(controls: WriteControls(), jobs: BulkJobRegistry())

    /// Route providers for `SimulatorDispatcher` (the admin provider among them), one set per simulator.
    var providers: [any SimulatorRouteProvider] {
        [SObjectRoutes(shared: shared), CollectionsRoutes(shared: shared), BulkQueryRoutes(shared: shared),
         BulkIngestRoutes(shared: shared),
         WriteAdminProvider(routes: WriteAdminRoutes(store: store, shared: shared))]
    }
}

/// Carries the admin routes in the provider list; it answers no REST resource itself.
struct WriteAdminProvider: SimulatorRouteProvider, SimulatorAdminProvider {
    let routes: WriteAdminRoutes

    func handle(_ request: SimulatorRequest, session: SimulatorSession) async throws -> SimulatorResponse? { nil }
    func admin(_ request: SimulatorRequest) -> SimulatorResponse? { routes.admin(request) }
}
