import ConnectorCore
import Foundation
import ImportEngine
import Synchronization

/// An ``ImportSink`` in memory: de-duplicates by (stream, Id, timestamp), commits a page and its
/// checkpoint together, and can fail the commit after `failAfter` successful ones.
final class MemorySink: ImportSink {
    struct Key: Hashable { var stream: String; var id: String; var timestamp: Date }
    struct State {
        var records: [String: [StreamRecord]] = [:]
        var keys = Set<Key>()
        var checkpoints: [String: Checkpoint] = [:]
        var mappings: [String: [FieldMapping]] = [:]
        var runs: [ImportRunReport] = []
        var commits = 0
        var failAfter: Int?
    }
    let state = Mutex(State())

    func failAfter(_ commits: Int?) { state.withLock { $0.failAfter = commits; $0.commits = 0 } }

    func checkpoint(job: String, object: String) async throws -> Checkpoint? {
        state.withLock { $0.checkpoints[job + "/" + object] }
    }

    func commit(_ page: PageCommit) async throws -> CommitResult {
        try state.withLock { s in
            if let limit = s.failAfter, s.commits >= limit { throw FakeFailure(message: "disk full") }
            s.commits += 1
            var stored = 0, dups = 0
            for r in page.records {
                if s.keys.insert(Key(stream: page.stream, id: r.id, timestamp: r.timestamp)).inserted {
                    s.records[page.stream, default: []].append(r)
                    stored += 1
                } else { dups += 1 }
            }
            s.checkpoints[page.job + "/" + page.object] = page.checkpoint
            s.mappings[page.stream] = page.mapping
            return CommitResult(stored: stored, duplicates: dups)
        }
    }

    func record(run: ImportRunReport) async throws { state.withLock { $0.runs.append(run) } }

    func records(_ stream: String) -> [StreamRecord] { state.withLock { $0.records[stream] ?? [] } }
    var runs: [ImportRunReport] { state.withLock { $0.runs } }
    /// The stored checkpoint decoded as the cursor sees it.
    func checkpoint(_ job: String, _ object: String) -> ImportCheckpoint? {
        ImportCheckpoint(stored: state.withLock { $0.checkpoints[job + "/" + object] })
    }
    func storedCheckpoint(_ job: String, _ object: String) -> Checkpoint? {
        state.withLock { $0.checkpoints[job + "/" + object] }
    }
}
