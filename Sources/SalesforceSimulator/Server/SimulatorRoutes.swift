/// The REST resources every simulator serves, tried in order after authentication and limit counting.
/// Add a provider here to serve a new resource family (each returns nil for paths it does not own).
public enum SimulatorRoutes {
    public static let builtIn: [any SimulatorRouteProvider] = [OrgReadRoutes()]
}
