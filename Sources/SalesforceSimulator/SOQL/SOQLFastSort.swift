/// Sorting straight from table columns: when every key is a direct Id, number, date, datetime or boolean
/// field of one org table, the keys are compared as raw Int64 cells (Ids by record number, which is their
/// string order) instead of decoded values.
extension SOQLEvaluator {
    func fastSort(_ records: [SimRecord], by keys: [SortKey]) -> [SimRecord]? {
        guard case .row(let table, _)? = records.first?.backing else { return nil }
        var cols: [Int] = []
        for k in keys {
            guard k.field.foreignKeys.isEmpty, let c = table.fieldIndex[k.field.key] else { return nil }
            switch table.columns[c].kind {
            case .recordId: cols.append(-1)
            case .bool, .int, .date, .datetime: cols.append(c)
            default: return nil
            }
        }
        let k = cols.count
        var flat = ContiguousArray<Int64>(repeating: 0, count: records.count * k)
        for (i, r) in records.enumerated() {
            guard case .row(let t, let row) = r.backing, t === table else { return nil }
            for (j, c) in cols.enumerated() {
                flat[i * k + j] = c < 0 ? Int64(table.rowSeq[row]) : table.columns[c].scalars[row]
            }
        }
        var order = Array(records.indices)
        order.sort { a, b in
            for j in 0..<k {
                let x = flat[a * k + j], y = flat[b * k + j]
                if x == y { continue }
                if x == Column.null { return keys[j].nullsFirst }
                if y == Column.null { return !keys[j].nullsFirst }
                return keys[j].ascending ? x < y : x > y
            }
            return a < b
        }
        return order.map { records[$0] }
    }
}
