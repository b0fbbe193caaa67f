/// A SOQL failure in Salesforce's words (`errorCode` + `message`).
public struct SOQLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var errorCode: String
    public var message: String

    public init(errorCode: String, message: String) {
        self.errorCode = errorCode; self.message = message
    }

    public var description: String { "\(errorCode): \(message)" }

    /// `MALFORMED_QUERY` with the offending line, a caret and `ERROR at Row:R:Column:C`.
    static func unexpectedToken(_ token: String, query: String, offset: Int) -> SOQLError {
        malformed("unexpected token: '\(token)'", query: query, offset: offset)
    }

    static func malformed(_ text: String, query: String, offset: Int) -> SOQLError {
        let chars = Array(query)
        var row = 1
        var lineStart = 0
        var i = 0
        while i < min(offset, chars.count) {
            if chars[i] == "\n" { row += 1; lineStart = i + 1 }
            i += 1
        }
        var lineEnd = lineStart
        while lineEnd < chars.count, chars[lineEnd] != "\n" { lineEnd += 1 }
        let line = String(chars[lineStart..<lineEnd])
        let column = offset - lineStart + 1
        let caret = String(repeating: " ", count: column - 1) + "^"
        return SOQLError(errorCode: "MALFORMED_QUERY",
                         message: "\n\(line)\n\(caret)\nERROR at Row:\(row):Column:\(column)\n\(text)")
    }

    static func noSuchColumn(_ field: String, entity: String) -> SOQLError {
        SOQLError(errorCode: "INVALID_FIELD", message:
            "No such column '\(field)' on entity '\(entity)'. If you are attempting to use a custom field, "
            + "be sure to append the '__c' after the custom field name. Please reference your WSDL or the "
            + "describe call for the appropriate names.")
    }

    static func badRelationship(_ name: String) -> SOQLError {
        SOQLError(errorCode: "INVALID_FIELD", message:
            "Didn't understand relationship '\(name)' in field path. If you are attempting to use a custom "
            + "relationship, be sure to append the '__r' after the custom relationship name. Please reference "
            + "your WSDL or the describe call for the appropriate names.")
    }

    static func badChildRelationship(_ name: String) -> SOQLError {
        SOQLError(errorCode: "INVALID_TYPE", message:
            "Didn't understand relationship '\(name)' in FROM part of query call. If you are attempting to use "
            + "a custom relationship, be sure to append the '__r' after the custom relationship name. Please "
            + "reference your WSDL or the describe call for the appropriate names.")
    }

    static func unsupportedType(_ name: String) -> SOQLError {
        SOQLError(errorCode: "INVALID_TYPE", message:
            "sObject type '\(name)' is not supported. If you are attempting to use a custom object, be sure "
            + "to append the '__c' after the entity name. Please reference your WSDL or the describe call for "
            + "the appropriate names.")
    }

    /// e.g. `value of filter criterion for field 'CreatedDate' must be of type dateTime and should not be
    /// enclosed in quotes`.
    static func filterType(_ field: String, type: String, quoted: Bool) -> SOQLError {
        SOQLError(errorCode: "INVALID_FIELD", message:
            "value of filter criterion for field '\(field)' must be of type \(type) and should "
            + (quoted ? "be" : "not be") + " enclosed in quotes")
    }
}
