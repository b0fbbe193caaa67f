import Foundation
import ImportEngine
import SalesforceConnector
import Store

/// What the demo did, printed as a readable report.
struct DemoReport {
    var imports: [ImportRunReport] = []
    var streams: [StreamSummary] = []
    var profiles = 0
    var audiences: [AudienceSummary] = []
    var apiCallsUsed = 0
    var estimates: [String] = []
    var exports: [ExportRunReport] = []
    /// Leads in the simulator whose Lytics_Audiences__c is set, read back after the export.
    var leadsWithAudiences = 0

    func text(seconds: Double) -> String {
        var lines = ["sfconnect demo: a seeded simulator org, the example jobs, a temporary store", ""]
        if !estimates.isEmpty {
            lines.append("Estimate (before anything runs)")
            for e in estimates { lines += e.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 } }
            lines.append("")
        }
        lines.append("Imported (records per stream)")
        for s in streams.sorted(by: { $0.name < $1.name }) {
            lines.append("  \(s.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(s.recordCount)\(s.object.map { "  (\($0))" } ?? "")")
        }
        lines.append("")
        lines.append("Profiles")
        lines.append("  profiles                     \(profiles)")
        lines.append("")
        lines.append("Audiences (members)")
        for a in audiences { lines.append("  \(a.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(a.size)") }
        lines.append("")
        lines.append("Exported to Salesforce")
        for r in exports {
            lines.append("  job \(r.job.padding(toLength: 24, withPad: " ", startingAt: 0)) \(r.sent) sent, \(r.rejected) rejected (\(r.object))")
        }
        lines.append("  leads with Lytics_Audiences__c \(leadsWithAudiences)  (read back from the simulator)")
        lines.append("")
        lines.append("API calls")
        for r in exports { lines.append("  job \(r.job.padding(toLength: 24, withPad: " ", startingAt: 0)) \(r.apiCalls)") }
        for r in imports { lines.append("  job \(r.job.padding(toLength: 24, withPad: " ", startingAt: 0)) \(r.apiCalls)") }
        lines.append("  simulator counted            \(apiCallsUsed)")
        lines.append("")
        lines.append(String(format: "Done in %.1f s.", seconds))
        return lines.joined(separator: "\n")
    }
}
