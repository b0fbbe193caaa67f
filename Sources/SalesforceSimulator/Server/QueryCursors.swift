import Foundation

/// Open query cursors by locator id (`01g…`). The most recent `capacity` stay open; older ones expire
/// (`INVALID_QUERY_LOCATOR`, as an expired Salesforce cursor).
final class QueryCursors: @unchecked Sendable {
    struct Entry {
        let query: OrgQuery
        let batchSize: Int
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private var counter = 0
    let capacity: Int

    init(capacity: Int = 32) { self.capacity = capacity }

    func open(_ query: OrgQuery, batchSize: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        counter += 1
        let id = RecordID.make(prefix: "01g", seq: counter)
        entries[id] = Entry(query: query, batchSize: batchSize)
        order.append(id)
        if order.count > capacity { entries[order.removeFirst()] = nil }
        return id
    }

    func get(_ id: String) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        return entries[id]
    }

    func close(_ id: String) {
        lock.lock()
        entries[id] = nil
        order.removeAll { $0 == id }
        lock.unlock()
    }
}
