import GRDB

extension StoreError {
    /// Wraps any error thrown inside a database access into a ``StoreError``.
    static func wrap(_ error: any Error, doing what: String, subject: String? = nil) -> StoreError {
        if let e = error as? StoreError { return e }
        if let e = error as? DatabaseError {
            let message = e.message ?? "\(e.resultCode)"
            let hint = e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED
                ? "another process holds the store; retry when it finishes"
                : "check that the store file is not damaged and the disk is not full"
            return StoreError(.database, subject: subject, databaseMessage: message,
                              "Could not \(what): \(message); \(hint).")
        }
        return StoreError(.database, subject: subject, "Could not \(what): \(error); check the store file.")
    }
}

extension Store {
    /// Runs `body` in one write transaction; errors come back as ``StoreError``.
    func write<T>(_ what: String, subject: String? = nil, _ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw StoreError.wrap(error, doing: what, subject: subject) }
    }

    /// Runs `body` on a read snapshot; errors come back as ``StoreError``.
    func read<T>(_ what: String, subject: String? = nil, _ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw StoreError.wrap(error, doing: what, subject: subject) }
    }
}
