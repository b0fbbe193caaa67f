import ConnectorCore
import Foundation

/// Appends NDJSON records (behavioural data from elsewhere) to a stream, in pages of 1,000
/// lines, each page one transaction. Keys of each object are the stream's source fields;
/// three keys are reserved: `_id` (the record id; default: a hash of the line), `_ts` (ISO 8601
/// or seconds since 1970; default: the time of ingest) and `_deleted` (true for a tombstone).
/// A line that is not a JSON object, or carries none of the mapping's unique ids, is rejected
/// with its line number; the rest land.
public struct NDJSONIngest {
    public let store: Store
    public let stream: String
    public let mapping: [FieldMapping]
    public var pageSize = 1000

    /// - Throws: ``StoreError`` `.invalidInput` when the mapping marks no unique id.
    public init(store: Store, stream: String, mapping: [FieldMapping]) throws {
        guard mapping.contains(where: \.isUniqueID) else {
            throw StoreError(.invalidInput, subject: stream,
                             "The mapping of stream \(stream) marks no unique id; mark at least one row unique_id: true.")
        }
        self.store = store
        self.stream = stream
        self.mapping = mapping
    }

    /// Ingests into `stream` with the fields of every mapping file that names it.
    /// - Throws: ``StoreError`` `.notFound` when no mapping names the stream, `.invalidInput`.
    public init(store: Store, stream: String, mappings: [ObjectMapping]) throws {
        let fields = mappings.filter { $0.stream == stream }.flatMap(\.fields)
        guard !fields.isEmpty else {
            let known = Set(mappings.map(\.stream)).sorted().joined(separator: ", ")
            throw StoreError(.notFound, subject: stream,
                             "No mapping names stream \(stream) (mapped streams: \(known.isEmpty ? "none" : known)); add a mapping file with stream: \(stream) and its unique ids (see mappings/README.md).")
        }
        try self.init(store: store, stream: stream, mapping: fields)
    }

    /// Reads every line of `input` to its end.
    /// - Throws: ``StoreError`` `.database` (the pages before the failing one stay stored).
    public func run(_ input: FileHandle) throws -> IngestReport {
        var report = IngestReport(stream: stream)
        var page: [StreamRecord] = []
        var reader = LineReader(handle: input)
        var number = 0
        while let line = reader.next() {
            number += 1
            guard !line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) else { continue }
            report.lines += 1
            switch record(from: line) {
            case .success(let r): page.append(r)
            case .failure(let reason): report.rejected.append(.init(line: number, reason: reason.text))
            }
            if page.count >= pageSize { try flush(&page, into: &report) }
        }
        try flush(&page, into: &report)
        return report
    }

    private func flush(_ page: inout [StreamRecord], into report: inout IngestReport) throws {
        guard !page.isEmpty else { return }
        let r = try store.appendPage(stream: stream, object: nil, records: page, mapping: mapping)
        report.stored += r.stored
        report.duplicates += r.duplicates
        report.profilesChanged += r.profilesChanged
        page.removeAll(keepingCapacity: true)
    }

    struct Reason: Error { let text: String }

    func record(from line: String) -> Result<StreamRecord, Reason> {
        let value: JSONValue
        do { value = try JSONText.decode(line) } catch { return .failure(Reason(text: "is not valid JSON (\(error)).")) }
        guard case .object(var fields) = value else { return .failure(Reason(text: "is not a JSON object; write one object per line.")) }
        let deleted = fields.removeValue(forKey: "_deleted")?.boolValue ?? false
        let idValue = fields.removeValue(forKey: "_id")
        let tsValue = fields.removeValue(forKey: "_ts")
        var ts = store.clock.now()
        switch tsValue {
        case .string(let s)?:
            guard let ms = ISOTime.parse(s) else { return .failure(Reason(text: "_ts '\(s)' is not an ISO 8601 date-time.")) }
            ts = Millis.date(ms)
        case .number(let n)?: ts = Date(timeIntervalSince1970: n)
        case nil, .null?: break
        default: return .failure(Reason(text: "_ts must be an ISO 8601 string or seconds since 1970."))
        }
        let id: String
        switch idValue {
        case .string(let s)? where !s.isEmpty: id = s
        case .number?: id = JSONText.encode(idValue!)
        default: id = Self.hash(line)
        }
        let hasID = mapping.contains { m in
            guard m.isUniqueID, let v = fields[m.source] else { return false }
            switch v {
            case .string(let s): return !s.trimmingCharacters(in: .whitespaces).isEmpty
            case .array(let a): return !a.isEmpty
            case .number: return true
            default: return false
            }
        }
        if !hasID && !(deleted && idValue != nil) {
            let keys = Array(Set(mapping.filter(\.isUniqueID).map(\.source))).sorted().joined(separator: ", ")
            return .failure(Reason(text: "has none of the unique ids (\(keys)); add one, or mark another key unique_id in the mapping."))
        }
        return .success(StreamRecord(id: id, timestamp: ts, isDeleted: deleted, fields: fields))
    }

    /// FNV-1a 64 of the line, so re-ingesting the same line with a `_ts` stores nothing new.
    static func hash(_ line: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in line.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return "h" + String(h, radix: 16)
    }
}
