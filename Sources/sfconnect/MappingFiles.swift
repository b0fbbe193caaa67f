import ArgumentParser
import ConnectorCore
import Definitions
import Foundation

/// Loads a mappings folder for commands that need field definitions.
enum MappingFiles {
    static func load(_ directory: String) throws -> [ObjectMapping] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw ValidationError("The mappings folder \(directory) does not exist; pass --mappings DIR.")
        }
        return try MappingLoader.loadAll(directory: directory)
    }
}
