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
            FileHandle.standardError.write(Data(Self.render(p, elapsed: Date().timeIntervalSince(started)).utf8))
            shown.withLock { $0 = true }
        }
    }

    /// One redraw: back to the line's start, stream and phase, records done of the counted total,
    /// the rate since the run started, API calls, then clear the rest of the line.
    public static func render(_ p: ImportProgress, elapsed: TimeInterval) -> String {
        let total = p.total.map { " of \($0)" } ?? ""
        return String(format: "\r%@ %@: %d%@ records, %.0f/s, %d API calls\u{1B}[K",
                      p.stream, p.phase.rawValue, p.done, total, Double(p.done) / max(0.001, elapsed), p.apiCalls)
    }

    /// Ends the line (if one was drawn).
    public func finish() { if shown.withLock({ $0 }) { FileHandle.standardError.write(Data("\n".utf8)) } }
}
