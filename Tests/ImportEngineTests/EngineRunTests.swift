import ConnectorCore
import Foundation
import ImportEngine
import SalesforceSimulator
import Testing

struct BudgetSpent: BudgetStop, CustomStringConvertible {
    var resumeAt: Date?
    var description: String { "budget spent" }
}

@Suite("ImportRunner runs")
struct EngineRunTests {
    let org = Fixtures.leadOrg()
    let sink = MemorySink()
    let clock = ManualWallClock(Fixtures.t0.addingTimeInterval(3600))

    func stored(_ stream: String = "salesforce_leads") -> [String] { Fixtures.versions(sink.records(stream)) }

    @Test("api auto reads a large first load with Bulk and the next run with REST")
    func autoBulk() async throws {
        Fixtures.addLeads(org, 120, at: Fixtures.t0)
        let source = FakeSource(org: org, pageSize: 50)
        let r = ImportRunner(source: source, sink: sink, clock: clock)
        let report = await r.run(job: "j", objects: [Fixtures.leadSpec(api: .auto, threshold: 100)])
        #expect(report.objects[0].api == .bulk)
        #expect(source.queries.withLock { $0.first?.api } == .bulk)
        #expect(Set(stored()) == Fixtures.versions(org))
        Fixtures.addLeads(org, 1, at: clock.now())
        clock.advance(by: 600)
        let next = await r.run(job: "j", objects: [Fixtures.leadSpec(api: .auto, threshold: 100)])
        #expect(next.objects[0].api == .rest)
        #expect(Set(stored()) == Fixtures.versions(org))
    }

    @Test("api auto stays on REST below the threshold")
    func autoRest() async throws {
        Fixtures.addLeads(org, 99, at: Fixtures.t0)
        let r = ImportRunner(source: FakeSource(org: org), sink: sink, clock: clock)
        #expect(await r.run(job: "j", objects: [Fixtures.leadSpec(api: .auto, threshold: 100)]).objects[0].api == .rest)
    }

    @Test("a Bulk load interrupted between pages re-reads its window and keeps the exact set")
    func bulkResume() async throws {
        Fixtures.addLeads(org, 100, at: Fixtures.t0)
        sink.failAfter(2)
        let r = ImportRunner(source: FakeSource(org: org, pageSize: 30), sink: sink, clock: clock)
        #expect(await r.run(job: "j", objects: [Fixtures.leadSpec(api: .bulk)]).outcome == .failed)
        #expect(sink.storedCheckpoint("j", "Lead")?.phase == .firstLoadBulk)
        #expect(stored().count == 60)
        sink.failAfter(nil)
        let again = await r.run(job: "j", objects: [Fixtures.leadSpec(api: .bulk)])
        #expect(again.outcome == .completed)
        #expect(again.objects[0].duplicates == 60)
        #expect(stored().count == 100)
        #expect(Set(stored()) == Fixtures.versions(org))
    }

    @Test("a budget pause mid-import stops at the checkpoint and resumes after the window frees")
    func budgetPause() async throws {
        Fixtures.addLeads(org, 500, at: Fixtures.t0)
        let source = FakeSource(org: org, pageSize: 100)
        let wake = clock.now().addingTimeInterval(7200)
        source.failure.withLock { $0 = (call: 5, error: BudgetSpent(resumeAt: wake)) }
        let r = ImportRunner(source: source, sink: sink, clock: clock)
        let reports = await r.runResumingAfterPauses(job: "j", objects: [Fixtures.leadSpec()])
        #expect(reports.count == 2)
        #expect(reports[0].outcome == .paused(until: wake))
        #expect(reports[0].objects[0].stored == 200)
        #expect(reports[0].errors.first?.contains("API budget") == true)
        #expect(reports[1].outcome == .completed)
        #expect(reports[1].started >= wake)
        #expect(stored().count == 500)
        #expect(Set(stored()) == Fixtures.versions(org))
        #expect(sink.runs.count == 2)
    }

    @Test("a configuration error stops the run before any object is read")
    func configErrorFirst() async throws {
        Fixtures.addLeads(org, 5, at: Fixtures.t0)
        let r = ImportRunner(source: FakeSource(org: org), sink: sink, clock: clock)
        let report = await r.run(job: "j", objects: [Fixtures.leadSpec(), Fixtures.leadSpec(additional: ["Nope__c"])])
        #expect(report.outcome == .failed)
        #expect(report.errors.count == 1)
        #expect(report.errors[0].contains("Job j:") && report.errors[0].contains("'Nope__c'") && report.errors[0].contains("Lead"))
        #expect(stored().isEmpty)
    }

    @Test("warnings name skipped defaults once and count misfit values")
    func warnings() async throws {
        Fixtures.addLeads(org, 3, at: Fixtures.t0, employees: .string("many"))
        let r = ImportRunner(source: FakeSource(org: org), sink: sink, clock: clock)
        let report = await r.run(job: "j", objects: [Fixtures.leadSpec()])
        #expect(report.outcome == .completed)
        #expect(report.warnings.filter { $0.contains("RecordType.Name") }.count == 1)
        #expect(report.warnings.contains("Lead: 3 value(s) of lead_number_of_employees did not fit the mapping type and were stored as null."))
        #expect(sink.records("salesforce_leads").allSatisfy { $0.fields["lead_number_of_employees"] == .null })
    }

    @Test("a custom object's fields land in its named stream under their API names")
    func customObject() async throws {
        org.define(SOQLObjectSchema(name: "Invoice__c", fields: ["Id": .id, "Amount__c": .double, "Paid__c": .boolean,
                                                                 "SystemModstamp": .datetime, "IsDeleted": .boolean]),
                   describe: ObjectSchema(name: "Invoice__c", fields: [
                       .init(name: "Id", type: "id"), .init(name: "Amount__c", type: "currency"),
                       .init(name: "Paid__c", type: "boolean"), .init(name: "SystemModstamp", type: "datetime")]))
        for i in 0..<7 { org.insert("Invoice__c", prefix: "a01", at: Fixtures.t0, ["Amount__c": .double(Double(i) + 0.5), "Paid__c": .bool(i % 2 == 0)]) }
        let spec = ObjectImportSpec(object: "Invoice__c", stream: "invoices",
                                    planner: ImportPlanner(additionalFields: ["Amount__c", "paid__c"]))
        let report = await ImportRunner(source: FakeSource(org: org), sink: sink, clock: clock).run(job: "c", objects: [spec])
        #expect(report.outcome == .completed)
        let records = sink.records("invoices")
        #expect(Set(Fixtures.versions(records)) == Fixtures.versions(org, "Invoice__c"))
        #expect(Set(records.compactMap { $0.fields["Amount__c"]?.doubleValue }) == Set((0..<7).map { Double($0) + 0.5 }))
        #expect(records.allSatisfy { $0.fields["Paid__c"]?.boolValue != nil })
    }
}
