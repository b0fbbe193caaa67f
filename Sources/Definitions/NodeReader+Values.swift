import Foundation
import Yams

/// Typed readers used by job files, on top of ``NodeReader``'s strings and booleans. Each one
/// records a located error and returns nil when the value is absent or wrong.
extension NodeReader {
    /// A string that, when present, must not be empty.
    mutating func text(_ key: String, required: Bool = false, hint: String = "") -> (value: String, line: Int?)? {
        guard let v = value(key), !Self.isNull(v) else {
            if required { fail(.missingKey, key, line, hint.isEmpty ? "is required." : "is required: \(hint)") }
            return nil
        }
        guard v.scalar != nil, let s = v.string else {
            fail(.wrongType, key, v.mark?.line, "must be a string.")
            return nil
        }
        if s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            fail(.invalidValue, key, v.mark?.line, "must not be empty.")
            return nil
        }
        return (s, v.mark?.line)
    }

    /// A whole number within `range`.
    mutating func integer(_ key: String, in range: ClosedRange<Int>, rangeHint: String) -> Int? {
        guard let v = value(key), !Self.isNull(v) else { return nil }
        guard v.scalar != nil, let s = v.string, let n = Int(s.replacingOccurrences(of: "_", with: "")) else {
            fail(.wrongType, key, v.mark?.line, "must be a whole number.")
            return nil
        }
        guard range.contains(n) else {
            fail(.invalidValue, key, v.mark?.line, "\(n) is out of range; \(rangeHint).")
            return nil
        }
        return n
    }

    /// One of an enum's raw values, with a did-you-mean.
    mutating func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ noun: String, as: E.Type) -> E?
    where E.RawValue == String {
        guard let (s, line) = text(key) else { return nil }
        if let e = E(rawValue: s) { return e }
        let all = E.allCases.map(\.rawValue)
        var sentence = "'\(s)' is not \(noun); use one of \(all.joined(separator: ", "))."
        if let guess = Suggest.closest(to: s, in: all) { sentence += " Did you mean '\(guess)'?" }
        fail(.invalidValue, key, line, sentence)
        return nil
    }

    /// A list of non-empty scalar strings, each checked by `check` (which returns an error
    /// sentence or nil). Duplicates are errors. Returns only the good items.
    mutating func list(_ key: String, of noun: String, check: (String) -> String? = { _ in nil }) -> (items: [String], line: Int?)? {
        guard let v = value(key), !Self.isNull(v) else { return nil }
        guard let seq = v.sequence else {
            fail(.wrongType, key, v.mark?.line, "must be a list of \(noun).")
            return nil
        }
        var items: [String] = [], seenItems = Set<String>()
        for (i, item) in seq.enumerated() {
            let itemKey = "\(key)[\(i)]"
            guard item.scalar != nil, let s = item.string, !s.isEmpty, !Self.isNull(item) else {
                fail(.wrongType, itemKey, item.mark?.line, "must be a string.")
                continue
            }
            if let problem = check(s) { fail(.invalidValue, itemKey, item.mark?.line, problem); continue }
            if !seenItems.insert(s).inserted { fail(.invalidValue, itemKey, item.mark?.line, "repeats '\(s)'; list it once."); continue }
            items.append(s)
        }
        return (items, v.mark?.line)
    }

    /// A mapping of string keys to string values, in file order, with each entry's line.
    mutating func pairs(_ key: String, noun: String) -> [(key: String, value: String, line: Int?)]? {
        guard let v = value(key), !Self.isNull(v) else { return nil }
        guard let map = v.mapping else {
            fail(.wrongType, key, v.mark?.line, "must be a mapping of \(noun).")
            return nil
        }
        var result: [(key: String, value: String, line: Int?)] = []
        for (k, val) in map {
            guard let name = k.string else { continue }
            guard val.scalar != nil, let s = val.string, !s.isEmpty, !Self.isNull(val) else {
                fail(.wrongType, "\(key).\(name)", val.mark?.line ?? k.mark?.line, "must be a Salesforce field name.")
                continue
            }
            result.append((name, s, k.mark?.line))
        }
        return result
    }

    /// True for `key:` with nothing after it, `~` and `null`.
    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
