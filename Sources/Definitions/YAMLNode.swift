import Foundation
import Yams

/// Reads a YAML mapping node key by key, collecting located errors instead of stopping at
/// the first one, and flags keys nobody asked for (with a did-you-mean).
struct NodeReader {
    let file: String
    let path: String
    let node: Node
    private(set) var errors: [DefinitionError] = []
    private var seen: Set<String> = []

    init(file: String, path: String, node: Node) {
        self.file = file
        self.path = path
        self.node = node
    }

    var line: Int? { node.mark?.line }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func value(_ key: String) -> Node? {
        seen.insert(key)
        return node.mapping?[Node(key)]
    }

    mutating func string(_ key: String, required: Bool) -> String? {
        guard let v = value(key) else {
            if required { fail(.missingKey, key, line, "is required.") }
            return nil
        }
        guard v.scalar != nil, let s = v.string else {
            fail(.wrongType, key, v.mark?.line, "must be a string.")
            return nil
        }
        return s
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let v = value(key) else { return nil }
        guard let b = v.bool else {
            fail(.wrongType, key, v.mark?.line, "must be true or false.")
            return nil
        }
        return b
    }

    mutating func fail(_ kind: DefinitionError.Kind, _ key: String, _ line: Int?, _ sentence: String) {
        errors.append(DefinitionError(kind, file: file, line: line, key: keyPath(key), sentence))
    }

    /// Adds an error for every key of the mapping that was never read.
    mutating func rejectUnknownKeys() {
        guard let mapping = node.mapping else { return }
        let known = Array(seen)
        for (k, _) in mapping {
            guard let name = k.string, !seen.contains(name) else { continue }
            var sentence = "is not a known key."
            if let guess = Suggest.closest(to: name, in: known) { sentence += " Did you mean '\(guess)'?" }
            fail(.unknownKey, name, k.mark?.line, sentence)
        }
    }
}

/// Did-you-mean suggestions by edit distance.
enum Suggest {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
