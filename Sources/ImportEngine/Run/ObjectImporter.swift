import ConnectorCore
import Foundation

/// Reads one planned object window by window, page by page, into the sink. Each page's records
/// and its checkpoint go to the sink in one commit; the cursor advances only after it.
struct ObjectImporter: Sendable {
    let job: String
    let spec: ObjectImportSpec
    let plan: ImportPlan
    let source: any RecordSource
    let sink: any ImportSink
    let calls: @Sendable () -> Int
    let progress: ImportProgressHandler?

    /// Reads everything up to the run's signpost. `stats` and `warnings` are kept on failure.
    func run(runStart: Date, stats: inout ObjectRunStats, warnings: inout [String]) async throws {
        let stored = try await SourceErrors.sink(object: plan.object) {
            try await sink.checkpoint(job: job, object: plan.object)
        }
        var cursor = IncrementalCursor(checkpoint: ImportCheckpoint(stored: stored), runStart: runStart,
                                       settings: spec.windows)
        var mapper = RecordMapper(plan: plan, importTime: runStart)
        defer { warnings += mapper.misfitWarnings }
        while case .read(var window, let isNew) = cursor.next() {
            var total: Int?
            if window.phase == .records {
                let firstLoad = cursor.checkpoint.completedHigh == nil
                if isNew || window.api == .rest {
                    let soql = try WindowQuery.count(for: plan, window: window)
                    total = try await SourceErrors.source(object: plan.object) { try await source.count(soql) }
                }
                if isNew {
                    let (api, warning) = spec.api.choose(isFirstLoad: firstLoad, count: total, plan: plan)
                    if let warning { warnings.append(warning) }
                    cursor.use(api: api)
                    window.api = api
                }
                stats.api = window.api
            }
            let query = SourceQuery(soql: try WindowQuery.query(for: plan, window: window), api: window.api,
                                    includeDeleted: window.phase == .deletes, resumeToken: window.resumeToken)
            let pages = try await SourceErrors.source(object: plan.object) { try await source.open(query) }
            var done = 0
            var closed = false
            while !closed {
                let page = try await SourceErrors.source(object: plan.object) { try await pages.next() }
                let rows = page?.records ?? []
                let isLast = page?.isLast ?? true
                let deletes = window.phase == .deletes
                let tsField = deletes ? WindowQuery.deleteTimestampField : nil
                var keys: [KeysetPosition] = []
                keys.reserveCapacity(rows.count)
                for row in rows { keys.append(try mapper.key(of: row, timestampField: tsField)) }
                let next = try cursor.checkpoint(afterPage: keys, isLast: isLast, resumeToken: page?.resumeToken)
                var records: [StreamRecord] = []
                records.reserveCapacity(rows.count)
                for (row, key) in zip(rows, keys) {
                    records.append(deletes ? mapper.tombstone(key: key) : mapper.map(row, key: key))
                }
                let commit = PageCommit(job: job, stream: plan.stream, object: plan.object, records: records,
                                        mapping: plan.mappingRows, checkpoint: next.stored(job: job, object: plan.object))
                let result = try await SourceErrors.sink(object: plan.object) { try await sink.commit(commit) }
                cursor.committed(next)
                stats.pages += 1
                stats.rowsRead += rows.count
                stats.stored += result.stored
                stats.duplicates += result.duplicates
                if deletes { stats.tombstones += result.stored }
                done += rows.count
                progress?(ImportProgress(object: plan.object, stream: plan.stream, done: done, total: total,
                                         apiCalls: calls(), phase: window.phase))
                closed = isLast
                if !closed { try Task.checkCancellation() }
            }
            try Task.checkCancellation()
        }
    }
}
