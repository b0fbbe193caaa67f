/// Interned UTF-8 strings in one byte arena. Reference 0 is null; frequent values are stored once
/// (the dedupe table stops growing at `dedupeLimit` entries, so unique values cost only their bytes).
struct StringPool {
    static let dedupeLimit = 4096
    private(set) var bytes = ContiguousArray<UInt8>()
    /// `starts[r - 1] ..< starts[r]` are the bytes of reference `r`.
    private(set) var starts = ContiguousArray<UInt32>([0])
    private var dedupe: [String: UInt32] = [:]

    mutating func intern(_ s: String) -> UInt32 {
        if let ref = dedupe[s] { return ref }
        bytes.append(contentsOf: s.utf8)
        starts.append(UInt32(bytes.count))
        let ref = UInt32(starts.count - 1)
        if dedupe.count < Self.dedupeLimit { dedupe[s] = ref }
        return ref
    }

    func string(_ ref: UInt32) -> String {
        let r = Int(ref)
        let lo = Int(starts[r - 1]), hi = Int(starts[r])
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[lo..<hi]), as: UTF8.self) }
    }

    var count: Int { starts.count - 1 }
}
