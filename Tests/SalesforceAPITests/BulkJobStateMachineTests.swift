import Foundation
import SalesforceAPI
import Testing

@Suite("Bulk job state machine")
struct BulkJobStateMachineTests {
    @Test("an ingest job is created, uploaded once, closed, polled with growing waits, and its results fetched")
    func ingestHappyPath() {
        var m = BulkJobStateMachine(kind: .ingest, pollInitial: 1, pollMax: 4, maxWait: 100)
        #expect(m.event(.start) == .createJob)
        #expect(m.event(.created(jobID: "750A", state: .open)) == .upload(jobID: "750A"))
        #expect(m.event(.uploaded) == .closeJob(jobID: "750A"))
        #expect(m.event(.closed) == .poll(jobID: "750A", after: 1))
        #expect(m.event(.polled(state: .uploadComplete, errorMessage: nil, elapsed: 1)) == .poll(jobID: "750A", after: 2))
        #expect(m.event(.polled(state: .inProgress, errorMessage: nil, elapsed: 3)) == .poll(jobID: "750A", after: 4))
        #expect(m.event(.polled(state: .inProgress, errorMessage: nil, elapsed: 7)) == .poll(jobID: "750A", after: 4))
        #expect(m.event(.polled(state: .jobComplete, errorMessage: nil, elapsed: 11)) == .fetchResults(jobID: "750A"))
        #expect(!m.isDone)
        #expect(m.event(.resultsFetched) == .finish(jobID: "750A"))
        #expect(m.isDone)
    }

    @Test("a query job skips upload and close")
    func query() {
        var m = BulkJobStateMachine(kind: .query, pollInitial: 0.5)
        #expect(m.event(.start) == .createJob)
        #expect(m.event(.created(jobID: "750Q", state: .uploadComplete)) == .poll(jobID: "750Q", after: 0.5))
        #expect(m.event(.polled(state: .jobComplete, errorMessage: nil, elapsed: 1)) == .fetchResults(jobID: "750Q"))
    }

    @Test("a failed ingest job still fetches results, then fails with Salesforce's reason")
    func ingestFailed() {
        var m = BulkJobStateMachine(kind: .ingest)
        _ = m.event(.start)
        _ = m.event(.created(jobID: "750F", state: .open))
        _ = m.event(.uploaded)
        _ = m.event(.closed)
        #expect(m.event(.polled(state: .failed, errorMessage: "InvalidBatch : Field name not found : Foo__c", elapsed: 2))
                == .fetchResults(jobID: "750F"))
        #expect(m.event(.resultsFetched)
                == .fail(jobID: "750F", message: "the job failed: InvalidBatch : Field name not found : Foo__c"))
    }

    @Test("a failed or aborted query job fails at once")
    func queryFailed() {
        var m = BulkJobStateMachine(kind: .query)
        _ = m.event(.start)
        _ = m.event(.created(jobID: "750Q", state: .uploadComplete))
        #expect(m.event(.polled(state: .failed, errorMessage: nil, elapsed: 1))
                == .fail(jobID: "750Q", message: "the job failed: no reason given"))
        var a = BulkJobStateMachine(kind: .query)
        _ = a.event(.start)
        _ = a.event(.created(jobID: "750Q", state: .uploadComplete))
        #expect(a.event(.polled(state: .aborted, errorMessage: nil, elapsed: 1)) == .fail(jobID: "750Q", message: "the job was aborted"))
    }

    @Test("a job that outlives the longest wait is aborted, then fails")
    func timeout() {
        var m = BulkJobStateMachine(kind: .query, pollInitial: 1, pollMax: 30, maxWait: 60)
        _ = m.event(.start)
        _ = m.event(.created(jobID: "750T", state: .uploadComplete))
        #expect(m.event(.polled(state: .inProgress, errorMessage: nil, elapsed: 61)) == .abort(jobID: "750T"))
        #expect(m.event(.aborted) == .fail(jobID: "750T", message: "the job did not finish within 60 seconds and was aborted"))
    }

    @Test("an event out of order fails instead of guessing")
    func outOfOrder() {
        var m = BulkJobStateMachine(kind: .ingest)
        _ = m.event(.start)
        guard case .fail(nil, let message) = m.event(.closed) else { Issue.record("expected a failure"); return }
        #expect(message.contains("unexpected"))
        #expect(m.isDone)
    }

    @Test("an ingest job that is not Open after create fails")
    func notOpen() {
        var m = BulkJobStateMachine(kind: .ingest)
        _ = m.event(.start)
        #expect(m.event(.created(jobID: "750X", state: .failed)) == .fail(jobID: "750X", message: "the new job is Failed"))
    }
}
