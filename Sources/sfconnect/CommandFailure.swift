/// The CLI's own error: a command step that could not finish (the demo, `serve`, a benchmark's
/// set-up), as one sentence that says what to do. Errors of the modules below reach the user
/// through their own types.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
