import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Bulk job state machines and result paging")
struct BulkMachineTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("A query job runs after the configured number of polls: UploadComplete → InProgress → JobComplete")
    func queryLifecycle() {
        var m = BulkProcessingMachine(state: .uploadComplete, queuedAt: t0,
                                      policy: .init(pollsBeforeComplete: 2), failure: nil)
        #expect(m.observe(now: t0) == .none)
        #expect(m.state == .inProgress)
        #expect(m.observe(now: t0) == .none)
        #expect(m.observe(now: t0) == .run(failure: nil))
        #expect(m.state == .jobComplete)
        #expect(m.observe(now: t0) == .none)
    }

    @Test("A job waits for the configured delay on the simulator clock")
    func delay() {
        var m = BulkProcessingMachine(state: .uploadComplete, queuedAt: t0,
                                      policy: .init(pollsBeforeComplete: 0, delay: 5), failure: nil)
        #expect(m.observe(now: t0.addingTimeInterval(4)) == .none)
        #expect(m.state == .inProgress)
        #expect(m.observe(now: t0.addingTimeInterval(5)) == .run(failure: nil))
    }

    @Test("An injected failure ends the job Failed")
    func failure() {
        let f = BulkInjectedFailure(errorMessage: "boom", processRecords: 1)
        var m = BulkProcessingMachine(state: .uploadComplete, queuedAt: t0, policy: .init(pollsBeforeComplete: 0),
                                      failure: f)
        #expect(m.observe(now: t0) == .run(failure: f))
        #expect(m.state == .failed)
    }

    @Test("Aborting is allowed until the job is terminal, then INVALIDJOBSTATE")
    func abort() throws {
        var m = BulkProcessingMachine(state: .uploadComplete, queuedAt: t0, policy: .init(), failure: nil)
        try m.abort()
        #expect(m.state == .aborted)
        #expect(m.observe(now: t0) == .none)
        #expect(throws: BulkAPIError.invalidState("Cannot abort a job in state Aborted")) { try m.abort() }
    }

    @Test("An ingest job takes one upload while Open; a second PUT gets the exact BULK_API_ERROR")
    func ingestUpload() throws {
        var m = BulkIngestMachine(jobId: "750SM0000000001AAA", policy: .init(pollsBeforeComplete: 0), failure: nil)
        #expect(m.state == .open)
        #expect(m.observe(now: t0) == .none)
        try m.upload()
        let second = #expect(throws: BulkAPIError.self) { try m.upload() }
        #expect(second?.errorCode == "BULK_API_ERROR")
        #expect(second?.message == "Found multipe contents for job: <750SM0000000001AAA>, please 'Close' / 'Abort' / "
                + "'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a given Job.")
        try m.close(now: t0)
        #expect(m.state == .uploadComplete)
        #expect(m.observe(now: t0) == .run(failure: nil))
        #expect(m.state == .jobComplete)
    }

    @Test("An ingest job refuses an upload after close and a second close")
    func ingestStates() throws {
        var m = BulkIngestMachine(jobId: "750X", policy: .init(), failure: nil)
        try m.close(now: t0)
        #expect(throws: BulkAPIError.invalidState(
            "Data can only be uploaded to a job in state Open; this job is UploadComplete")) { try m.upload() }
        #expect(throws: BulkAPIError.invalidState(
            "Only an Open job can be set to UploadComplete; this job is UploadComplete")) { try m.close(now: t0) }
        try m.abort()
        #expect(m.state == .aborted)
    }

    @Test("Pages follow base64 locators and the last page says null")
    func paging() throws {
        let pager = BulkResultPager()
        let first = try pager.page(total: 25, maxRecords: "10", locator: nil)
        #expect(first.range == 0..<10)
        #expect(first.nextLocator == "MTA")
        let second = try pager.page(total: 25, maxRecords: "10", locator: first.nextLocator)
        #expect(second.range == 10..<20)
        let last = try pager.page(total: 25, maxRecords: "10", locator: second.nextLocator)
        #expect(last.range == 20..<25)
        #expect(last.nextLocator == "null")
        #expect(BulkResultPager.locator(for: 10000) == "MTAwMDA")
        #expect(try pager.page(total: 0, maxRecords: nil, locator: nil) == .init(range: 0..<0, nextLocator: "null"))
    }

    @Test("A bad locator or maxRecords is refused")
    func badPaging() {
        let pager = BulkResultPager()
        #expect(throws: BulkAPIError(status: 400, errorCode: "INVALID_QUERY_LOCATOR", message: "Invalid locator: !!")) {
            try pager.page(total: 5, maxRecords: nil, locator: "!!")
        }
        #expect(throws: BulkAPIError.self) { try pager.page(total: 5, maxRecords: nil, locator: BulkResultPager.locator(for: 6)) }
        #expect(throws: BulkAPIError(status: 400, errorCode: "INVALIDREQUEST",
                                     message: "maxRecords must be a positive integer, got '0'")) {
            try pager.page(total: 5, maxRecords: "0", locator: nil)
        }
    }
}
