import Foundation

/// The simulator module's one error type: a kind, the context that helps, and a sentence for the user.
public struct SimulatorError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        public static let didNotStart = Kind(name: "didNotStart")
        /// The schema file is missing, malformed or clashes with the org.
        public static let schemaFile = Kind(name: "schemaFile")
        public static let unknownObject = Kind(name: "unknownObject")
        public static let unknownField = Kind(name: "unknownField")
        public static let unknownRecord = Kind(name: "unknownRecord")
        /// A value does not fit the field's type.
        public static let invalidValue = Kind(name: "invalidValue")
        /// The org snapshot in the data directory cannot be read or written.
        public static let snapshot = Kind(name: "snapshot")
        public var description: String { name }
    }

    public let kind: Kind
    public let object: String?
    public let field: String?
    public let message: String

    public init(kind: Kind, object: String? = nil, field: String? = nil, message: String) {
        self.kind = kind
        self.object = object
        self.field = field
        self.message = message
    }

    public var description: String { message }
    public var errorDescription: String? { message }

    public static let didNotStart = SimulatorError(
        kind: .didNotStart, message: "The simulator did not start listening; check that the host and port are free.")

    static func schemaFile(_ path: String, _ problem: String) -> SimulatorError {
        SimulatorError(kind: .schemaFile, message: "Schema file \(path): \(problem). Fix the file (format: README, "
            + "section \"Simulator\") and start the simulator again.")
    }

    static func unknownObject(_ name: String) -> SimulatorError {
        SimulatorError(kind: .unknownObject, object: name,
                       message: "The org has no object \(name); add it to the schema file or use a standard object.")
    }

    static func unknownField(_ object: String, _ field: String) -> SimulatorError {
        SimulatorError(kind: .unknownField, object: object, field: field,
                       message: "\(object) has no field \(field); add it to the schema file or drop it from the write.")
    }

    static func unknownRecord(_ object: String, _ id: String) -> SimulatorError {
        SimulatorError(kind: .unknownRecord, object: object,
                       message: "No \(object) record has the Id \(id); query the object for existing Ids.")
    }

    static func invalidValue(_ object: String, _ field: String, _ detail: String) -> SimulatorError {
        SimulatorError(kind: .invalidValue, object: object, field: field,
                       message: "\(object).\(field): \(detail).")
    }
}
