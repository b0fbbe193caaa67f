import Definitions
import Foundation

/// A temporary folder for authorization files, removed by the caller.
struct AuthFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("sfc-auth-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The `file:line: key: sentence` lines of the errors `body` throws (empty when it succeeds).
func authProblems(_ body: () throws -> Any) -> [String] {
    do {
        _ = try body()
        return []
    } catch let e as DefinitionErrors {
        return e.errors.map(\.description)
    } catch {
        return ["unexpected \(error)"]
    }
}
