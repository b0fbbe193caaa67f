import ImportEngine
import SalesforceConnector
import Testing

/// The terminal progress line `sfconnect run` redraws after every page.
@Suite("Progress line")
struct ProgressLineTests {
    @Test("shows stream, phase, records done of the counted total, the rate and API calls, and redraws in place")
    func render() {
        let p = ImportProgress(object: "Lead", stream: "salesforce_leads", done: 4_000, total: 10_000, apiCalls: 4, phase: .records)
        let line = RunProgressLine.render(p, elapsed: 2)
        #expect(line == "\rsalesforce_leads \(WindowPhase.records.rawValue): 4000 of 10000 records, 2000/s, 4 API calls\u{1B}[K")
    }

    @Test("without a count the total is left out; a zero elapsed time does not divide by zero")
    func noTotal() {
        let p = ImportProgress(object: "Lead", stream: "salesforce_leads", done: 0, total: nil, apiCalls: 1, phase: .deletes)
        let line = RunProgressLine.render(p, elapsed: 0)
        #expect(line.contains(": 0 records, 0/s, 1 API calls") && !line.contains(" of "))
    }

    @Test("off a terminal there is no handler and finish prints nothing")
    func disabled() {
        let off = RunProgressLine(enabled: false)
        #expect(off.handler == nil)
        off.finish()
    }
}
