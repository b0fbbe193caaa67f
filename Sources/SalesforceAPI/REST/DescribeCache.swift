import Foundation

/// Describe results of one client, single-flight: concurrent requests for the same object
/// share one call, later ones reuse the result. Failures are not cached.
actor DescribeCache {
    private var objects: [String: Task<ObjectDescription, any Error>] = [:]
    private var global: Task<GlobalDescription, any Error>?

    func object(_ name: String, load: @escaping @Sendable () async throws -> ObjectDescription) async throws -> ObjectDescription {
        let key = name.lowercased()
        let task = objects[key] ?? Task { try await load() }
        objects[key] = task
        do { return try await task.value } catch {
            if objects[key] == task { objects[key] = nil }
            throw error
        }
    }

    func global(load: @escaping @Sendable () async throws -> GlobalDescription) async throws -> GlobalDescription {
        let task = global ?? Task { try await load() }
        global = task
        do { return try await task.value } catch {
            if global == task { global = nil }
            throw error
        }
    }

    func clear() {
        objects.removeAll()
        global = nil
    }
}
