import Foundation
import ImportEngine
import Synchronization

/// The progress line on a terminal: object, records done of the counted total, rate, API calls.
public final class RunProgressLine: Sendable {
    let enabled: Bool
    let started = Date()
    let shown = Mutex(false)

    /// `enabled`: standard error is a terminal.
    public init(enabled: Bool) { self.enabled = enabled }

    public var handler: ImportProgressHandler? {
        guard enabled else { return nil }
        return { [self] p in
            let seconds = max(0.001, Date().timeIntervalSince(started))
            let total = p.total.map { " of \($0)" } ?? ""
            let line = String(format: "\r%@ %@: %d%@ records, %.0f/s, %d API calls\u{1B}[K",
                              p.stream, p.phase.rawValue, p.done, total, Double(p.done) / seconds, p.apiCalls)
            FileHandle.standardError.write(Data(line.utf8))
            shown.withLock { $0 = true }
        }
    }

    /// Ends the line (if one was drawn).
    public func finish() { if shown.withLock({ $0 }) { FileHandle.standardError.write(Data("\n".utf8)) } }
}
