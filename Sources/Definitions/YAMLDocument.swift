import Foundation
import Yams

/// Reads a definition file and composes its YAML, turning every failure into a located error.
enum YAMLDocument {
    static func read(file: String) throws(DefinitionErrors) -> String {
        do { return try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw DefinitionErrors([DefinitionError(.unreadable, file: file, line: nil, key: "",
                                                    "cannot be read; check that the file exists and is UTF-8.")])
        }
    }

    /// The root node, which must be a mapping.
    static func compose(_ text: String, file: String, expected: String) throws(DefinitionErrors) -> Node {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let e as YamlError {
            throw DefinitionErrors([DefinitionError(.malformedYAML, file: file, line: line(of: e), key: "",
                                                    "is not valid YAML: \(e).")])
        } catch {
            throw DefinitionErrors([DefinitionError(.malformedYAML, file: file, line: nil, key: "", "is not valid YAML: \(error).")])
        }
        guard let root, root.mapping != nil else {
            throw DefinitionErrors([DefinitionError(.malformedYAML, file: file, line: 1, key: "", "must be a YAML mapping with \(expected).")])
        }
        return root
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }
}
