import Foundation

/// `sfconnect simulator` run as a child process of this binary, for benchmarks that must measure
/// the client's memory without the simulator's records in the same address space. It reads the
/// child's banner (base URL and the password-flow credentials) up to its `ready` line.
final class SimulatorChild: @unchecked Sendable {
    let process: Process
    let baseURL: String
    let credentials: [String: String]

    private init(process: Process, baseURL: String, credentials: [String: String]) {
        self.process = process
        self.baseURL = baseURL
        self.credentials = credentials
    }

    /// Starts `sfconnect simulator --port 0 ARGUMENTS…` and waits for its banner.
    /// - Throws: ``CommandFailure`` when the child cannot start or exits before it is ready.
    static func start(arguments: [String]) async throws -> SimulatorChild {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["simulator", "--port", "0"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.standardError
        do { try process.run() } catch {
            throw CommandFailure("Could not start the simulator process: \(error.localizedDescription).")
        }
        let banner = await readBanner(out.fileHandleForReading)
        guard let base = banner["base_url"], banner["ready"] != nil else {
            process.terminate()
            throw CommandFailure("The simulator process exited before it printed its base URL and 'ready'.")
        }
        return SimulatorChild(process: process, baseURL: base, credentials: banner)
    }

    /// The child's peak resident memory (VmHWM from /proc/PID/status), in MB.
    var peakMemoryMB: Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return line.split(separator: " ").compactMap { Double($0) }.first.map { $0 / 1024 }
        }
        return nil
    }

    /// SIGTERM, then waits for the exit off the cooperative pool.
    func stop() async {
        process.terminate()
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread { [process] in
                process.waitUntilExit()
                c.resume()
            }
        }
    }

    /// Reads `key: value` lines on a thread of its own (the read blocks) until `ready` or EOF.
    /// Keys under `oauth2_password:` are prefixed `password.`.
    private static func readBanner(_ handle: FileHandle) async -> [String: String] {
        await withCheckedContinuation { (c: CheckedContinuation<[String: String], Never>) in
            Thread.detachNewThread {
                var buffer = Data()
                var found: [String: String] = [:]
                var section = ""
                while found["ready"] == nil {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    buffer.append(chunk)
                    while let nl = buffer.firstIndex(of: 0x0A) {
                        let line = String(decoding: buffer[buffer.startIndex..<nl], as: UTF8.self)
                        buffer.removeSubrange(buffer.startIndex...nl)
                        parse(line, section: &section, into: &found)
                    }
                }
                c.resume(returning: found)
            }
        }
    }

    static func parse(_ line: String, section: inout String, into found: inout [String: String]) {
        let indented = line.hasPrefix(" ")
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed == "ready" { found["ready"] = ""; return }
        guard let colon = trimmed.firstIndex(of: ":") else { return }
        let key = String(trimmed[..<colon])
        let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if !indented { section = value.isEmpty ? key : "" }
        found[indented && !section.isEmpty ? section + "." + key : key] = value
    }
}
