import Foundation

/// The one error type of the Store module: what failed, with the context that helps, and one
/// actionable sentence. SQLite's own message is kept in ``databaseMessage`` (statement
/// arguments are never included: they may hold profile data).
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public var description: String { name }
        /// The store file cannot be opened or created.
        public static let cannotOpen = Kind(name: "cannotOpen")
        /// A migration failed (the file may be from a newer sfconnect).
        public static let migration = Kind(name: "migration")
        /// SQLite reported an error while reading or writing.
        public static let database = Kind(name: "database")
        /// An audience `where` expression does not compile or is not a read-only expression.
        public static let invalidExpression = Kind(name: "invalidExpression")
        /// A named thing (stream, audience, profile, job) does not exist.
        public static let notFound = Kind(name: "notFound")
        /// An argument is out of range or malformed (empty name, bad field name).
        public static let invalidInput = Kind(name: "invalidInput")
    }

    public let kind: Kind
    /// The store file, stream, audience, job or profile the error is about.
    public let subject: String?
    /// SQLite's message, when the database produced the error.
    public let databaseMessage: String?
    /// One sentence that says what is wrong and what to do.
    public let sentence: String

    public init(_ kind: Kind, subject: String? = nil, databaseMessage: String? = nil, _ sentence: String) {
        self.kind = kind
        self.subject = subject
        self.databaseMessage = databaseMessage
        self.sentence = sentence
    }

    public var description: String { sentence }
    public var errorDescription: String? { sentence }
}
