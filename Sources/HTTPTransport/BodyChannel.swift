import Foundation

/// A bounded hand-off of body chunks from a transfer thread to an async consumer.
/// The producer blocks (on its own thread, never the cooperative pool) while more than
/// `limit` bytes wait, so a slow consumer never makes the body pile up in memory.
final class BodyChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var head = 0
    private var buffered = 0
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private var waiter: CheckedContinuation<Data?, any Error>?
    private let limit: Int

    init(limit: Int = 4 * 1024 * 1024) { self.limit = limit }

    /// Hands over a chunk; returns false once the consumer has gone away.
    func push(_ data: Data) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if cancelled { return false }
        if let w = waiter {
            waiter = nil
            w.resume(returning: data)
            return true
        }
        chunks.append(data)
        buffered += data.count
        while buffered > limit && !cancelled { condition.wait() }
        return !cancelled
    }

    func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        defer { condition.unlock() }
        guard !finished else { return }
        finished = true
        failure = error
        if let w = waiter {
            waiter = nil
            if let error { w.resume(throwing: error) } else { w.resume(returning: nil) }
        }
    }

    /// The consumer stopped listening: unblock the producer so the transfer aborts.
    func cancel() {
        condition.lock()
        cancelled = true
        chunks.removeAll()
        head = 0
        buffered = 0
        let pending = waiter
        waiter = nil
        condition.broadcast()
        condition.unlock()
        pending?.resume(throwing: CancellationError())
    }

    /// The next chunk, or nil at the end. Cancelling the waiting task cancels the transfer.
    func next() async throws -> Data? {
        try await withTaskCancellationHandler {
            try await take()
        } onCancel: {
            cancel()
        }
    }

    private func take() async throws -> Data? {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Data?, any Error>) in
            condition.lock()
            defer { condition.unlock() }
            if cancelled {
                c.resume(throwing: CancellationError())
            } else if head < chunks.count {
                let d = chunks[head]
                head += 1
                if head > 64 { chunks.removeFirst(head); head = 0 }
                buffered -= d.count
                condition.broadcast()
                c.resume(returning: d)
            } else if finished {
                if let failure { c.resume(throwing: failure) } else { c.resume(returning: nil) }
            } else {
                waiter = c
            }
        }
    }

    /// The chunks as a stream. Dropping the stream cancels the transfer.
    func makeStream() -> AsyncThrowingStream<Data, any Error> {
        let token = CancelToken(self)
        return AsyncThrowingStream(unfolding: { try await token.channel.next() })
    }

    private final class CancelToken: Sendable {
        let channel: BodyChannel
        init(_ channel: BodyChannel) { self.channel = channel }
        deinit { channel.cancel() }
    }
}
