import Foundation

/// Query results and records in REST JSON: `attributes` on every record, nested parents, child results.
enum RecordJSON {
    static func row(_ r: SOQLRow, base: String, _ w: inout JSONWriter) {
        attributes(object: r.object, id: r.id, base: base, &w)
        for f in r.fields {
            w.comma()
            w.key(f.key)
            output(f.value, base: base, &w)
        }
        w.raw("}")
    }

    /// Writes `{"attributes":{...}` (the caller closes the object).
    static func attributes(object: String, id: String?, base: String, _ w: inout JSONWriter) {
        w.raw("{\"attributes\":{\"type\":")
        w.string(object)
        w.raw(",\"url\":")
        w.string("\(base)/sobjects/\(object)/\(id ?? "")")
        w.raw("}")
    }

    static func output(_ o: SOQLOutput, base: String, _ w: inout JSONWriter) {
        switch o {
        case .value(let v): w.value(v)
        case .record(let r): row(r, base: base, &w)
        case .subquery(let child):
            result(totalSize: child.totalSize, done: true, next: nil, rows: child.rows, base: base, &w)
        }
    }

    static func result(totalSize: Int, done: Bool, next: String?, rows: [SOQLRow], base: String,
                       _ w: inout JSONWriter) {
        w.raw("{\"totalSize\":")
        w.raw(String(totalSize))
        w.raw(done ? ",\"done\":true" : ",\"done\":false")
        if let next {
            w.raw(",\"nextRecordsUrl\":")
            w.string(next)
        }
        w.raw(",\"records\":[")
        for (i, r) in rows.enumerated() {
            if i > 0 { w.comma() }
            row(r, base: base, &w)
        }
        w.raw("]}")
    }

    static func response(_ w: JSONWriter, status: Int = 200) -> SimulatorResponse {
        SimulatorResponse(status: status, headers: ["Content-Type": "application/json;charset=UTF-8"], body: w.data)
    }
}
