import Foundation

/// The simulator's record Ids: `<key prefix>SM0<9 base-36 digits of the record number>` (15 chars) plus the
/// 3-char case checksum of §0. The record number is recovered arithmetically, so no Id index is needed, and
/// Ids of one object sort in creation order both case-sensitively and case-insensitively.
public enum RecordID {
    private static let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)

    /// The 18-char Id of record number `seq` (1-based) of the object with `prefix`.
    public static func make(prefix: String, seq: Int) -> String { SalesforceID.to18(make15(prefix: prefix, seq: seq)) }

    public static func make15(prefix: String, seq: Int) -> String {
        var out = [UInt8](repeating: 48, count: 9)
        var n = seq
        var i = 8
        while n > 0, i >= 0 { out[i] = digits[n % 36]; n /= 36; i -= 1 }
        return prefix + "SM0" + String(decoding: out, as: UTF8.self)
    }

    /// The 15-char, case-correct form of an Id: 18-char Ids are case-insensitive, their suffix holds the case.
    public static func canonical15(_ id: String) -> String? {
        let u = Array(id.utf8)
        if u.count == 15 { return id }
        guard u.count == 18 else { return nil }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".utf8)
        var out = [UInt8]()
        out.reserveCapacity(15)
        for chunk in 0..<3 {
            let c = u[15 + chunk]
            let upper = c >= 97 && c <= 122 ? c - 32 : c
            guard let bits = alphabet.firstIndex(of: upper) else { return nil }
            for i in 0..<5 {
                var ch = u[chunk * 5 + i]
                let isLetter = (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122)
                if isLetter { ch = bits & (1 << i) != 0 ? (ch & ~0x20) : (ch | 0x20) }
                out.append(ch)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The key prefix and record number of a simulator Id (15 chars, or 18 in any case), or nil.
    public static func parse(_ id: String) -> (prefix: String, seq: Int)? {
        guard let id15 = canonical15(id) else { return nil }
        let u = Array(id15.utf8)
        guard u[3] == 83, u[4] == 77, u[5] == 48 else { return nil }
        var n = 0
        for c in u[6..<15] {
            switch c {
            case 48...57: n = n * 36 + Int(c - 48)
            case 65...90: n = n * 36 + Int(c - 55)
            default: return nil
            }
        }
        guard n > 0 else { return nil }
        if id.utf8.count == 18, SalesforceID.to18(id15).lowercased() != id.lowercased() { return nil }
        return (String(decoding: u[0..<3], as: UTF8.self), n)
    }
}
