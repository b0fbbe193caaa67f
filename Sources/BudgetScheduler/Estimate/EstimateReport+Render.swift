import Foundation

extension EstimateReport {
    /// The report as pretty-printed JSON with sorted keys (absent figures are left out).
    /// - Throws: `EncodingError` (not expected: every field is encodable).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The report as a text table with a summary under it.
    public func text() -> String {
        var header = ["object", "records", "first run REST", "first run Bulk", "method"]
        if frequency != nil { header += ["changed/run", "calls/run", "calls/day"] }
        var rows = objects.map { o -> [String] in
            var r = [o.object, Self.int(o.records), Self.int(o.firstRunCallsREST), Self.int(o.firstRunCallsBulk),
                     o.firstRunMethod.rawValue]
            if frequency != nil {
                r += [o.changedPerRun.map(Self.int) ?? "", o.callsPerRun.map(Self.int) ?? "",
                      o.callsPerDay.map(Self.num) ?? ""]
            }
            return r
        }
        var total = ["total", Self.int(totalRecords), Self.int(firstRunCallsREST), Self.int(firstRunCallsBulk), ""]
        if frequency != nil { total += ["", callsPerRun.map(Self.int) ?? "", callsPerDay.map(Self.num) ?? ""] }
        rows.append(total)

        var lines = Self.table([header] + rows)
        lines.insert("Estimate for job \(job)" + (frequency.map { " (keep updated \($0.rawValue))" } ?? " (one-time)"), at: 0)
        lines.append("")
        lines.append("First run: \(Self.int(firstRunCalls)) calls (all REST \(Self.int(firstRunCallsREST)), all Bulk \(Self.int(firstRunCallsBulk))).")
        if let budget, let days = daysToFinishFirstRun, let windows = windowsForFirstRun {
            let spans = windows == 1 ? "finishes within the first 24-hour window"
                                     : "spans \(windows) 24-hour windows, pausing \(windows - 1) time\(windows == 2 ? "" : "s") for the budget"
            lines.append("At \(Self.int(budget)) calls/day (\(budgetSource ?? "budget")): \(Self.num(days)) days; it \(spans).")
        } else {
            lines.append("Days to finish: unknown (set max_daily_api_calls or give the org's daily limit).")
        }
        if let frequency, let callsPerDay {
            lines.append("Keep updated \(frequency.rawValue): \(Self.num(callsPerDay)) calls/day.")
        }
        let suggested = seed.suggestedBudget.map { "\(Self.int($0)) calls/day" } ?? "unknown (daily limit not known)"
        lines.append("Seed formula: suggested budget (daily limit − other integrations) ÷ 2 = \(suggested).")
        if let naive = seed.naiveDays, let days = daysToFinishFirstRun {
            lines.append("Seed's naive estimate (records ÷ daily calls): \(Self.num(naive)) days; sfconnect: \(Self.num(days)) days.")
        }
        lines.append("This estimate used \(estimateCalls) API call\(estimateCalls == 1 ? "" : "s").")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Left-aligned first column, right-aligned numbers, two spaces between columns.
    static func table(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.first?.count ?? 0)).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { r in
            r.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 || c == 4 ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
    }

    static func int(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    static func num(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        if rounded == rounded.rounded() { return int(Int(rounded)) }
        return String(format: "%.2f", rounded)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
