import ConnectorCore
import Foundation
import SalesforceAPI
import Testing
@testable import ImportEngine

/// Whether a failed run is configuration (exit 78; a long-running job waits for its schedule) or
/// worth retrying soon (an outage): decided from the error's kind, never from its text.
@Suite("Import failure kinds")
struct FailureKindTests {
    /// A source whose every describe fails with `error`.
    struct RefusingSource: RecordSource {
        let error: SalesforceError
        func describe(_ object: String) async throws -> ObjectSchema { throw error }
        func count(_ soql: String) async throws -> Int { throw error }
        func open(_ query: SourceQuery) async throws -> any RecordPageStream { throw error }
    }

    func run(_ error: SalesforceError) async -> ImportRunReport {
        let runner = ImportRunner(source: RefusingSource(error: error), sink: MemorySink(), clock: ManualWallClock(Date()))
        return await runner.run(job: "j", objects: [Fixtures.leadSpec()])
    }

    @Test("a permission refusal is configuration, with a sentence that says what to fix")
    func permission() async {
        let r = await run(.rest(status: 403, errorCode: "INSUFFICIENT_ACCESS_OR_READONLY", message: "no access", sobject: "Lead"))
        #expect(r.outcome == .failed && r.configurationFailure)
        #expect(r.errors.first?.contains("Salesforce refused to read Lead; fix the job's fields or the integration user's permissions") == true,
                "\(r.errors)")
    }

    @Test("INVALID_FIELD is configuration")
    func invalidField() async {
        let r = await run(.rest(status: 400, errorCode: "INVALID_FIELD", message: "No such column 'Foo__c'", sobject: "Lead"))
        #expect(r.outcome == .failed && r.configurationFailure)
    }

    @Test("a 503 past the retries is an outage: not configuration, so a long-running job tries again soon")
    func outage() async {
        let r = await run(.rest(status: 503, errorCode: "SERVER_UNAVAILABLE", message: "down", sobject: "Lead"))
        #expect(r.outcome == .failed && !r.configurationFailure)
        #expect(r.errors.first?.contains("resumes there next time") == true, "\(r.errors)")
    }
}
