import Foundation

/// The libcurl transport. Keeps a pool of easy handles so sequential requests to a host reuse
/// one keep-alive connection; runs every blocking transfer on its own thread, never on
/// Swift's cooperative pool, so any number of concurrent requests can be in flight.
public final class CurlTransport: HTTPTransporting {
    public let configuration: TransportConfiguration
    private let pool: CurlHandlePool
    private let connectCounter = Locked<Int>(0)

    public init(configuration: TransportConfiguration = TransportConfiguration()) {
        self.configuration = configuration
        pool = CurlHandlePool()
    }

    /// How many new TCP connections transfers have opened so far (libcurl's CURLINFO_NUM_CONNECTS, summed).
    public var connectionsOpened: Int { connectCounter.withLock { $0 } }

    /// Closes the idle keep-alive connections (transfers in flight are unaffected).
    public func closeIdleConnections() { pool.drain() }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let outcome = try await withCheckedThrowingContinuation { (c: CheckedContinuation<CurlTransfer.Outcome, any Error>) in
            start(request, sink: .buffer(limit: configuration.maxBufferedResponseBytes)) { result in
                c.resume(with: result.mapError { $0 as any Error })
            }
        }
        return HTTPResponse(status: outcome.status, headers: outcome.headers, body: outcome.body,
                            requestID: request.requestID)
    }

    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        let channel = BodyChannel()
        let body = channel.makeStream()
        let head = Locked<CheckedContinuation<(Int, HTTPHeaders), any Error>?>(nil)
        let (status, headers) = try await withCheckedThrowingContinuation { (c: CheckedContinuation<(Int, HTTPHeaders), any Error>) in
            head.withLock { $0 = c }
            let onHead: (Int, HTTPHeaders) -> Void = { status, headers in
                head.withLock { $0.take() }?.resume(returning: (status, headers))
            }
            start(request, sink: .stream(onHead: onHead, channel: channel)) { result in
                switch result {
                case .success:
                    channel.finish()
                case .failure(let error):
                    if let pending = head.withLock({ $0.take() }) {
                        pending.resume(throwing: error)
                    }
                    channel.finish(throwing: error)
                }
            }
        }
        return HTTPStreamingResponse(status: status, headers: headers, requestID: request.requestID, body: body)
    }

    /// Runs the transfer on a new thread and reports its result there.
    private func start(_ request: HTTPRequest, sink: CurlTransfer.Sink,
                       completion: @escaping @Sendable (Result<CurlTransfer.Outcome, TransportError>) -> Void) {
        guard let handle = pool.acquire() else {
            completion(.failure(TransportError(kind: .other, url: request.url, requestID: request.requestID,
                                               detail: "curl_easy_init failed")))
            return
        }
        let options = CurlRequestOptions(configuration: configuration, url: request.url)
        let transfer = CurlTransfer(handle: handle, request: request, options: options, sink: sink)
        let pool = self.pool
        let counter = connectCounter
        let thread = Thread {
            let result = transfer.run()
            pool.release(handle)
            if case .success(let outcome) = result {
                counter.withLock { $0 += outcome.newConnections }
            }
            completion(result)
        }
        thread.name = "sfconnect.curl"
        thread.stackSize = 1 << 20
        thread.start()
    }
}
