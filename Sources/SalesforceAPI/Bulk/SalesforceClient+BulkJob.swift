import ConnectorCore
import Foundation
import HTTPTransport

extension SalesforceClient {
    /// Drives `machine` from `.start` until it asks for results, finishes or fails, performing
    /// each action over HTTP. Returns the job id when results are ready.
    /// - Parameters:
    ///   - upload: performs `.upload` (ingest only).
    ///   - onInfo: sees every job info read (the last one is the finished job's).
    func runBulkJob(_ machine: inout BulkJobStateMachine, create: RESTCall, kindPath: String,
                    upload: (String) async throws -> Void = { _ in },
                    onInfo: (BulkJobInfo) -> Void = { _ in }) async throws -> String {
        var action = machine.event(.start)
        var created = clock.now()
        while true {
            switch action {
            case .createJob:
                let info = try await decode(BulkJobInfo.self, from: create)
                onInfo(info)
                created = clock.now()
                action = machine.event(.created(jobID: info.id, state: info.state))
            case .upload(let id):
                try await upload(id)
                action = machine.event(.uploaded)
            case .closeJob(let id):
                _ = try await setBulkState(id, kindPath: kindPath, state: "UploadComplete")
                action = machine.event(.closed)
            case .poll(let id, let delay):
                try await pause(delay)
                let info = try await decode(BulkJobInfo.self, from: bulkCall("GET", kindPath, id))
                onInfo(info)
                action = machine.event(.polled(state: info.state, errorMessage: info.errorMessage,
                                               elapsed: clock.now().timeIntervalSince(created)))
            case .abort(let id):
                _ = try await setBulkState(id, kindPath: kindPath, state: "Aborted")
                action = machine.event(.aborted)
            case .fetchResults(let id), .finish(let id):
                return id
            case .fail(let id, let message):
                throw SalesforceError(kind: .bulkJobFailed, message: message, sobject: create.sobject, jobID: id)
            }
        }
    }

    /// `/services/data/vXX/jobs/{kindPath}/{id}{suffix}`.
    func bulkCall(_ method: String, _ kindPath: String, _ id: String, suffix: String = "", query: String? = nil) -> RESTCall {
        var call = RESTCall(method: method, path: dataPath + "/jobs/\(kindPath)/\(id)\(suffix)", query: query)
        call.jobID = id
        return call
    }

    func setBulkState(_ id: String, kindPath: String, state: String) async throws -> BulkJobInfo {
        var call = bulkCall("PATCH", kindPath, id)
        call.setJSON(Data("{\"state\":\"\(state)\"}".utf8))
        return try await decode(BulkJobInfo.self, from: call)
    }

    func bulkMachine(_ kind: BulkJobStateMachine.Kind) -> BulkJobStateMachine {
        BulkJobStateMachine(kind: kind, pollInitial: configuration.bulkPollInitial,
                            pollMax: configuration.bulkPollMax, maxWait: configuration.bulkMaxWait)
    }

    /// Streams a CSV body through the parser, calling `onRow` per row (header first).
    static func parseCSV(_ body: AsyncThrowingStream<Data, any Error>, jobID: String?,
                         onRow: ([String]) throws -> Void) async throws {
        var parser = CSVParser()
        do {
            for try await chunk in body { try parser.feed(chunk).forEach(onRow) }
            try parser.finish().forEach(onRow)
        } catch let failure as CSVParser.Failure {
            throw SalesforceError(kind: .malformedResponse, message: failure.description, jobID: jobID)
        }
    }
}
