import Foundation
import Yams

/// Reading and composing the YAML of authorization files, with located errors.
enum AuthorizationYAML {
    static func read(_ file: String) throws -> String {
        do { return try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw DefinitionErrors([DefinitionError(.unreadable, file: file, line: nil, key: "",
                                                    "cannot be read; check that the file exists and is UTF-8.")])
        }
    }

    static func compose(_ text: String, file: String) throws -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw DefinitionErrors([DefinitionError(.malformedYAML, file: file, line: 1, key: "",
                                                        "is empty; write a YAML mapping with method and its credentials.")])
            }
            return node
        } catch let e as DefinitionErrors { throw e } catch let e as YamlError {
            // Only Yams' problem text: its full description quotes the line, which may hold a secret.
            let (line, problem) = located(e)
            throw DefinitionErrors([DefinitionError(.malformedYAML, file: file, line: line, key: "",
                                                    "is not valid YAML: \(problem); fix the indentation or quoting there.")])
        } catch {
            throw DefinitionErrors([DefinitionError(.malformedYAML, file: file, line: nil, key: "", "is not valid YAML.")])
        }
    }

    private static func located(_ error: YamlError) -> (Int?, String) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return (mark.line, problem)
        default:
            return (nil, "the YAML could not be read")
        }
    }
}
