import Foundation

/// Runs blocking work (waiting for a child process, reading its pipes) on a thread of its own.
///
/// Swift's cooperative pool has as many threads as cores (two here). A test that blocked one of
/// them while its child process talked to an in-process simulator starved that simulator: two
/// such tests at once stalled the whole run until libcurl's 600 s timeout. Never block the pool.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (c: CheckedContinuation<T, any Error>) in
        let thread = Thread { c.resume(with: Result { try body() }) }
        thread.name = "sfconnect-tests.blocking"
        thread.start()
    }
}

/// A child process started with a pipe on stdout, read up to a marker without blocking the pool.
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    let out = Pipe(), err = Pipe()

    init(_ arguments: [String], environment: [String: String] = [:], keepStderr: Bool = true) throws {
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = out
        process.standardError = keepStderr ? err : FileHandle.nullDevice
        try process.run()
    }

    /// A test that threw before `stop()` still ends its child (SIGTERM, without waiting).
    deinit { if process.isRunning { process.terminate() } }

    /// Reads stdout until it contains `marker` or the process closes it.
    func read(until marker: String) async throws -> String {
        let handle = out.fileHandleForReading
        return try await offPool {
            var text = ""
            while !text.contains(marker) {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text
        }
    }

    /// Sends SIGTERM and waits for the exit; returns the status and what stderr held.
    @discardableResult
    func stop() async throws -> (status: Int32, stderr: String) {
        process.terminate()
        let process = self.process, handle = err.fileHandleForReading
        let keep = (process.standardError as? Pipe) != nil
        return try await offPool {
            let e = keep ? handle.readDataToEndOfFile() : Data()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: e, as: UTF8.self))
        }
    }
}
