import Foundation

/// Reads a file handle line by line in 64 KiB chunks (never the whole input at once).
struct LineReader {
    let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false

    init(handle: FileHandle) { self.handle = handle }

    mutating func next() -> String? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[start..<nl], as: UTF8.self)
                start = nl + 1
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                defer { buffer.removeAll(); start = 0 }
                return String(decoding: buffer[start...], as: UTF8.self)
            }
            buffer.removeFirst(start)
            start = 0
            let chunk = (try? handle.read(upToCount: 65_536)) ?? nil
            if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { finished = true }
        }
    }
}
