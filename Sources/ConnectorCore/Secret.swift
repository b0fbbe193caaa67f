/// A secret value (token, client secret, password, private key) that never prints itself.
///
/// `description`, `debugDescription` and string interpolation all render `<redacted>`;
/// read the value only with ``Secret/reveal()`` at the point where it is sent.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    private let value: String

    public init(_ value: String) { self.value = value }

    /// The secret's value. Call this only to put it on the wire, never to log it.
    public func reveal() -> String { value }

    public var isEmpty: Bool { value.isEmpty }
    public var description: String { "<redacted>" }
    public var debugDescription: String { "Secret(<redacted>)" }
}
