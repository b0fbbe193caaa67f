/// What `ingest` did: lines stored, duplicates, and every rejected line with its number.
public struct IngestReport: Sendable, Hashable {
    public struct Rejection: Sendable, Hashable, CustomStringConvertible {
        /// 1-based line number in the input.
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public var stream: String
    /// Non-blank lines read.
    public var lines = 0
    public var stored = 0
    /// Lines whose record version (`_id`, `_ts`) was already in the stream.
    public var duplicates = 0
    public var rejected: [Rejection] = []
    public var profilesChanged = 0
}
