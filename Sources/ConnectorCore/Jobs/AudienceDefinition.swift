/// `kind: audience`: a named set of profiles, by a SQL predicate or an explicit member list.
public struct AudienceDefinition: Sendable, Hashable {
    /// How membership is decided.
    public enum Rule: Sendable, Hashable {
        /// `where:` a boolean SQL expression over profile fields by name. `line` is where the
        /// expression starts, so a compile error from the store can point at it.
        case predicate(sql: String, line: Int)
        /// `members:` a file of unique ids (one per line), resolved against the job file's folder.
        case members(file: String, line: Int)
    }

    /// The audience's own name (`name:`), used in exports and `sfconnect audiences`.
    public var name: String
    /// The job file's name without `.yaml`.
    public var fileName: String
    public var source: SourceLocation
    public var description: String
    public var rule: Rule

    public init(name: String, fileName: String, source: SourceLocation, description: String = "", rule: Rule) {
        self.name = name
        self.fileName = fileName
        self.source = source
        self.description = description
        self.rule = rule
    }
}
