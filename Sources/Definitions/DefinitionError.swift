import Foundation

/// A problem in a mapping or job file, located by `file:line` and key path.
public struct DefinitionError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    public struct Kind: Hashable, Sendable {
        let name: String
        public static let unreadable = Kind(name: "unreadable")
        public static let malformedYAML = Kind(name: "malformedYAML")
        public static let unknownKey = Kind(name: "unknownKey")
        public static let missingKey = Kind(name: "missingKey")
        public static let wrongType = Kind(name: "wrongType")
        public static let invalidValue = Kind(name: "invalidValue")
    }

    public let kind: Kind
    public let file: String
    public let line: Int?
    public let key: String
    /// One sentence that says what is wrong and how to fix it.
    public let sentence: String

    public init(_ kind: Kind, file: String, line: Int?, key: String, _ sentence: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.key = key
        self.sentence = sentence
    }

    /// `file:line: key: sentence`, the form every validation message takes.
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return key.isEmpty ? "\(location): \(sentence)" : "\(location): \(key): \(sentence)"
    }
    public var errorDescription: String? { description }
}

/// Every problem found in one or more files; validation reports all of them at once.
public struct DefinitionErrors: Error, Sendable, CustomStringConvertible, LocalizedError {
    public let errors: [DefinitionError]
    public init(_ errors: [DefinitionError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
    public var errorDescription: String? { description }
}
