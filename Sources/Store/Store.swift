import ConnectorCore
import Foundation
import GRDB

/// The embedded store: one SQLite file (WAL, one GRDB `DatabasePool`) holding streams,
/// checkpoints, runs, profiles, audiences, the change feed, export state, rejected records,
/// the API-usage ledger and job states.
///
/// The interface speaks in domain types (``StreamRecord``, ``Checkpoint``, profile ids as
/// `Int64`, dates) and never hands out SQLite handles, so the same interface can sit on
/// PostgreSQL later. Every public method is synchronous and thread-safe; each write is one
/// transaction.
///
/// ## Topics
/// - Streams: ``appendPage(stream:object:records:mapping:checkpoint:)``, ``streams()``, ``readStream(_:after:limit:)``
/// - Checkpoints and runs: ``checkpoint(job:object:)``, ``startRun(job:at:)``, ``finishRun(_:)``
/// - Profiles: ``profile(id:)``, ``profile(uniqueID:)``, ``changes(after:limit:)``
/// - Audiences: ``defineAudience(_:)``, ``audiences()``, ``members(of:)``
/// - Export: ``enqueueExport(_:)``, ``pendingExports(job:limit:)``, ``completeExport(id:state:)``
/// - Budget: ``recordAPICalls(org:job:count:at:)``, ``apiCalls(org:since:)``, ``setJobState(job:state:pausedUntil:)``
public final class Store: Sendable {
    /// The default location, relative to the working directory.
    public static let defaultPath = ".sfconnect/store.sqlite"
    /// The environment variable that overrides the default location.
    public static let environmentKey = "SFCONNECT_STORE"

    let pool: DatabasePool
    let clock: any WallClock
    /// The store file's path.
    public let path: String

    /// Opens (creating it and its folder if needed) the store at `path` and migrates it.
    /// - Throws: ``StoreError`` `.cannotOpen` or `.migration`.
    public init(path: String, clock: any WallClock = SystemWallClock()) throws {
        self.path = path
        self.clock = clock
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        do { pool = try DatabasePool(path: path, configuration: config) } catch {
            let message = (error as? DatabaseError)?.message ?? "\(error)"
            throw StoreError(.cannotOpen, subject: path, databaseMessage: message,
                             "Cannot open the store at \(path) (\(message)); check the path and its permissions, or pass --store.")
        }
        do { try Schema.migrator.migrate(pool) } catch {
            let message = (error as? DatabaseError)?.message ?? "\(error)"
            throw StoreError(.migration, subject: path, databaseMessage: message,
                             "Cannot prepare the store at \(path) (\(message)); it may come from a newer sfconnect.")
        }
    }

    /// The store path to use: `flag` if given, else `$SFCONNECT_STORE`, else ``defaultPath``.
    public static func resolvePath(flag: String?, environment: [String: String]) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let env = environment[environmentKey], !env.isEmpty { return env }
        return defaultPath
    }

    /// Opens the store, runs `body`, and closes the store whatever happens.
    public static func withStore<T>(path: String, clock: any WallClock = SystemWallClock(),
                                    _ body: (Store) throws -> T) throws -> T {
        let store = try Store(path: path, clock: clock)
        defer { try? store.pool.close() }
        return try body(store)
    }
}
