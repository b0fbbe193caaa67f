/// The `authorization:` key of a job, before it is resolved into credentials.
///
/// Either the name of an authorization file (`authorization: simulator` →
/// `authorizations/simulator.yaml`) or the authorization written inline as a mapping. The
/// authorization loader resolves both; job loading only records what was written.
public enum AuthorizationReference: Sendable, Hashable, CustomStringConvertible {
    case named(String)
    case inline(InlineAuthorization)

    /// Names the reference without printing any value (inline values may be secrets).
    public var description: String {
        switch self {
        case .named(let name): return "authorization '\(name)'"
        case .inline(let a): return "inline authorization at \(a.source)"
        }
    }
}

/// An authorization written inside a job file: its keys and values as written, with lines,
/// for the authorization loader to check and turn into credentials.
///
/// Values may hold secrets, so `description` lists only the keys.
public struct InlineAuthorization: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// One `key: value` of the inline mapping. A scalar's text as written; a nested mapping
    /// or list as YAML text.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: String
        public var line: Int
        /// True when the value is a plain scalar (not a nested mapping or list).
        public var isScalar: Bool

        public init(key: String, value: String, line: Int, isScalar: Bool = true) {
            self.key = key
            self.value = value
            self.line = line
            self.isScalar = isScalar
        }
    }

    /// Where the `authorization:` mapping starts; `source.file` also anchors relative paths.
    public var source: SourceLocation
    /// The key path of the mapping in its file (`authorization`), for error reports.
    public var keyPath: String
    public var entries: [Entry]

    public init(source: SourceLocation, keyPath: String = "authorization", entries: [Entry]) {
        self.source = source
        self.keyPath = keyPath
        self.entries = entries
    }

    /// The value of `key`, if present.
    public subscript(key: String) -> Entry? { entries.first { $0.key == key } }

    public var description: String { "InlineAuthorization(\(source), keys: \(entries.map(\.key).joined(separator: ", ")))" }
    public var debugDescription: String { description }
}
