import Foundation

/// A readers–writer lock (pthread): many concurrent queries, one writer at a time.
final class RWLock: @unchecked Sendable {
    private let handle: UnsafeMutablePointer<pthread_rwlock_t>

    init() {
        handle = .allocate(capacity: 1)
        pthread_rwlock_init(handle, nil)
    }

    deinit {
        pthread_rwlock_destroy(handle)
        handle.deallocate()
    }

    func read<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        pthread_rwlock_rdlock(handle)
        defer { pthread_rwlock_unlock(handle) }
        return try body()
    }

    func write<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        pthread_rwlock_wrlock(handle)
        defer { pthread_rwlock_unlock(handle) }
        return try body()
    }
}
