import Foundation

/// Value comparison and predicate evaluation.
struct SOQLEvaluator {
    let data: any SOQLDataSource

    func value(_ f: ResolvedField, of record: SimRecord) -> SimValue {
        if f.foreignKeys.isEmpty { return record.value(lowerKey: f.key) }
        var current = record
        for i in f.foreignKeys.indices {
            guard case .string(let id) = current.value(lowerKey: f.foreignKeys[i]),
                  let parent = data.record(of: f.objects[i], id: id) else { return .null }
            current = parent
        }
        return current.value(lowerKey: f.key)
    }

    /// Orders two non-null values; nil when they are not comparable. Strings compare case-insensitively.
    static func compare(_ a: SimValue, _ b: SimValue) -> Int? {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
        switch (a, b) {
        case let (.int(x), .int(y)): return cmp(x, y)
        case let (.int(x), .double(y)): return cmp(Double(x), y)
        case let (.double(x), .int(y)): return cmp(x, Double(y))
        case let (.double(x), .double(y)): return cmp(x, y)
        case let (.string(x), .string(y)): return cmp(x.lowercased(), y.lowercased())
        case let (.bool(x), .bool(y)): return cmp(x ? 1 : 0, y ? 1 : 0)
        case let (.date(x), .date(y)): return cmp(x, y)
        case let (.datetime(x), .datetime(y)): return cmp(x, y)
        default: return nil
        }
    }

    func matches(_ p: Predicate, _ r: SimRecord) -> Bool {
        switch p {
        case .constant(let b): return b
        case .and(let parts): return parts.allSatisfy { matches($0, r) }
        case .or(let parts): return parts.contains { matches($0, r) }
        case .not(let inner): return !matches(inner, r)
        case .isNull(let f, let wantNull): return value(f, of: r).isNull == wantNull
        case .compare(let f, let op, let lit):
            let v = value(f, of: r)
            if v.isNull { return op == .ne }
            guard let c = Self.compare(v, lit) else { return op == .ne }
            switch op {
            case .eq: return c == 0
            case .ne: return c != 0
            case .lt: return c < 0
            case .le: return c <= 0
            case .gt: return c > 0
            case .ge: return c >= 0
            }
        case .like(let f, let pattern):
            guard case .string(let s) = value(f, of: r) else { return false }
            return Self.like(Array(s.lowercased()), pattern)
        case .inSet(let f, let strings, let others, let hasNull, let negated):
            let v = value(f, of: r)
            let found: Bool
            switch v {
            case .null: found = hasNull
            case .string(let s): found = strings.contains(s.lowercased())
            default: found = others.contains { Self.compare(v, $0) == 0 }
            }
            return found != negated
        }
    }

    /// Wildcard match (`%` any run, `_` one character) with single-star backtracking: O(n·m) worst case.
    static func like(_ s: [Character], _ p: [LikeElement]) -> Bool {
        var si = 0, pi = 0
        var starP = -1, starS = 0
        while si < s.count {
            if pi < p.count {
                switch p[pi] {
                case .anyRun:
                    starP = pi; starS = si; pi += 1
                    continue
                case .anyOne:
                    si += 1; pi += 1
                    continue
                case .char(let c) where c == s[si]:
                    si += 1; pi += 1
                    continue
                default: break
                }
            }
            guard starP >= 0 else { return false }
            pi = starP + 1
            starS += 1
            si = starS
        }
        while pi < p.count, p[pi] == .anyRun { pi += 1 }
        return pi == p.count
    }

    /// Sorts records by the keys (nulls placed per key, ties kept in input order).
    func sort(_ records: [SimRecord], by keys: [SortKey]) -> [SimRecord] {
        guard !keys.isEmpty else { return records }
        if let fast = fastSort(records, by: keys) { return fast }
        let extracted: [[SimValue]] = records.map { r in
            keys.map { k in
                let v = value(k.field, of: r)
                if case .string(let s) = v { return .string(s.lowercased()) }
                return v
            }
        }
        var order = Array(records.indices)
        order.sort { a, b in
            let ka = extracted[a], kb = extracted[b]
            for (i, key) in keys.enumerated() {
                let x = ka[i], y = kb[i]
                switch (x.isNull, y.isNull) {
                case (true, true): continue
                case (true, false): return key.nullsFirst
                case (false, true): return !key.nullsFirst
                case (false, false):
                    let c = Self.compare(x, y) ?? 0
                    if c != 0 { return key.ascending ? c < 0 : c > 0 }
                }
            }
            return a < b
        }
        return order.map { records[$0] }
    }
}
