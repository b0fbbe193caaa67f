import Foundation

extension StatusReport {
    /// The report as JSON (dates ISO 8601, keys sorted).
    /// - Throws: `EncodingError` (not expected for this type).
    public func json() throws -> String {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try e.encode(self), as: UTF8.self)
    }

    /// The report as lines of text, one block per job.
    public func text() -> String {
        var out: [String] = []
        let iso = ISO8601DateFormatter()
        for j in jobs {
            let state = j.state == "paused" ? "paused until " + (j.pausedUntil.map(iso.string(from:)) ?? "the window frees") : j.state
            out.append("\(j.job) (\(j.file)): \(state)")
            out.append("  last run: " + (j.lastRunAt.map { iso.string(from: $0) + " (\(j.lastRunOutcome ?? "-"))" } ?? "never"))
            out.append("  checkpoint: " + (j.checkpoints.isEmpty ? "none" : j.checkpoints.joined(separator: "; ")))
            out.append("  calls in the last 24 h: \(j.callsLast24Hours) of " + (j.allotment.map(String.init) ?? "no allotment"))
            if let org = j.org, let seen = j.orgObservedAt {
                let remaining = j.orgRemaining.map(String.init) ?? "unknown"
                let limit = j.orgDailyLimit.map(String.init) ?? "unknown"
                out.append("  org \(org): \(remaining) of \(limit) calls remaining as of \(iso.string(from: seen)) (last known; no network call)")
            } else {
                out.append("  org: remaining calls unknown until the job runs")
            }
        }
        if jobs.isEmpty { out.append("no jobs") }
        for s in skipped { out.append("skipped \(s)") }
        return out.joined(separator: "\n")
    }
}
