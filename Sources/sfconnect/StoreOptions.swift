import ArgumentParser
import Foundation
import Store

/// `--store PATH` (default `.sfconnect/store.sqlite`, or `$SFCONNECT_STORE`), shared by every
/// command that reads or writes the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"),
            help: "The store file (default: $SFCONNECT_STORE, else .sfconnect/store.sqlite).")
    var path: String?

    var resolvedPath: String { Store.resolvePath(flag: path, environment: ProcessInfo.processInfo.environment) }

    func open() throws -> Store { try Store(path: resolvedPath) }
}
