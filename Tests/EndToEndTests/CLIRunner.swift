import Foundation

/// Runs the built `sfconnect` binary (it sits beside the test bundle) and captures its output.
struct CLIRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        // The test runner executable lives in the build's products folder, next to sfconnect.
        let runner = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return runner.deletingLastPathComponent().appendingPathComponent("sfconnect")
    }

    /// Runs the binary to its end, off Swift's cooperative pool (see `offPool`).
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Outcome {
        try await offPool { try runBlocking(arguments, environment: environment) }
    }

    private static func runBlocking(_ arguments: [String], environment: [String: String]) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain stderr on its own thread so a chatty child never fills one pipe while we read the other.
        let errHandle = err.fileHandleForReading
        let errBox = DataBox()
        let drained = Thread { errBox.finish(errHandle.readDataToEndOfFile()) }
        drained.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = errBox.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// One `Data` handed from the thread that reads it to the thread that waits for it.
private final class DataBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var data: Data?

    func finish(_ value: Data) {
        condition.lock(); data = value; condition.broadcast(); condition.unlock()
    }

    func wait() -> Data {
        condition.lock(); defer { condition.unlock() }
        while data == nil { condition.wait() }
        return data!
    }
}
