/// Progress of a run, reported after every stored page.
public struct ImportProgress: Sendable, Hashable {
    public var object: String
    public var stream: String
    /// Rows read so far in this window phase.
    public var done: Int
    /// The window's counted rows (`SELECT COUNT()`), when known.
    public var total: Int?
    /// API calls this run has made so far (when counted).
    public var apiCalls: Int
    /// The window phase being read.
    public var phase: WindowPhase

    public init(object: String, stream: String, done: Int, total: Int?, apiCalls: Int, phase: WindowPhase) {
        self.object = object
        self.stream = stream
        self.done = done
        self.total = total
        self.apiCalls = apiCalls
        self.phase = phase
    }
}

/// Receives progress; called on the importing task, so keep it quick.
public typealias ImportProgressHandler = @Sendable (ImportProgress) -> Void
