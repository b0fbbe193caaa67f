/// One object of a job: what to read into which stream, and how.
public struct ObjectImportSpec: Sendable {
    public var object: String
    public var stream: String
    public var planner: ImportPlanner
    public var windows: WindowSettings
    public var api: APIChoice

    public init(object: String, stream: String, planner: ImportPlanner, windows: WindowSettings = WindowSettings(),
                api: APIChoice = APIChoice()) {
        self.object = object
        self.stream = stream
        self.planner = planner
        self.windows = windows
        self.api = api
    }
}
