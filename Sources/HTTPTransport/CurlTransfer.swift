import CCurl
import Foundation

/// One blocking libcurl transfer on one easy handle. Runs on a dedicated thread.
final class CurlTransfer: @unchecked Sendable {
    enum Sink {
        /// Collect the body, failing once it passes `limit` bytes.
        case buffer(limit: Int)
        /// Call `onHead` once the status and headers are in, then push chunks to `channel`.
        case stream(onHead: (Int, HTTPHeaders) -> Void, channel: BodyChannel)
    }

    struct Outcome {
        var status: Int
        var headers: HTTPHeaders
        var body: Data
        var newConnections: Int
    }

    let handle: CurlEasyHandle
    let request: HTTPRequest
    let options: CurlRequestOptions
    let sink: Sink

    private var status = 0
    private var headers = HTTPHeaders()
    private var headDelivered = false
    private var body = Data()
    private var tooLarge = false
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    init(handle: CurlEasyHandle, request: HTTPRequest, options: CurlRequestOptions, sink: Sink) {
        self.handle = handle
        self.request = request
        self.options = options
        self.sink = sink
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit { errorBuffer.deallocate() }

    /// Performs the transfer. Non-2xx statuses are outcomes, not errors.
    func run() -> Result<Outcome, TransportError> {
        let h = handle.raw
        let url = request.url
        var payload = request.body
        if request.gzipBody, let plain = payload {
            guard let packed = Gzip.compress(plain) else {
                return .failure(TransportError(kind: .invalidRequest, url: url, requestID: request.requestID,
                                               detail: "gzip compression of the request body failed"))
            }
            payload = packed
        }
        let headerList = options.headerList(for: request, hasBody: payload != nil)
        defer { curl_slist_free_all(headerList) }
        let bodyCopy = payload.map { UnsafeMutableRawBufferPointer.allocate(byteCount: max($0.count, 1), alignment: 1) }
        if let bodyCopy, let payload { payload.copyBytes(to: bodyCopy) }
        defer { bodyCopy?.deallocate() }

        let me = Unmanaged.passUnretained(self).toOpaque()
        _ = sfc_easy_setopt_pointer(h, CURLOPT_ERRORBUFFER, errorBuffer)
        options.apply(to: h, request: request)
        _ = sfc_easy_setopt_slist(h, CURLOPT_HTTPHEADER, headerList)
        options.applyMethod(to: h, method: request.method, body: bodyCopy.map { ($0.baseAddress!, payload!.count) })
        _ = sfc_easy_setopt_datacb(h, CURLOPT_HEADERFUNCTION, { ptr, size, n, ud in
            let t = Unmanaged<CurlTransfer>.fromOpaque(ud!).takeUnretainedValue()
            t.onHeaderLine(UnsafeRawBufferPointer(start: ptr, count: size * n))
            return size * n
        })
        _ = sfc_easy_setopt_pointer(h, CURLOPT_HEADERDATA, me)
        _ = sfc_easy_setopt_datacb(h, CURLOPT_WRITEFUNCTION, { ptr, size, n, ud in
            let t = Unmanaged<CurlTransfer>.fromOpaque(ud!).takeUnretainedValue()
            return t.onBody(UnsafeRawBufferPointer(start: ptr, count: size * n)) ? size * n : 0
        })
        _ = sfc_easy_setopt_pointer(h, CURLOPT_WRITEDATA, me)

        let code = withExtendedLifetime(self) { curl_easy_perform(h) }
        var connects = 0
        _ = sfc_easy_getinfo_long(h, CURLINFO_NUM_CONNECTS, &connects)
        if tooLarge {
            return .failure(TransportError(kind: .tooLarge, url: url, requestID: request.requestID,
                                           detail: "response body exceeds \(options.maxBufferedResponseBytes) bytes"))
        }
        guard code == CURLE_OK else {
            return .failure(.curl(code, errorBuffer: String(cString: errorBuffer), url: url,
                                  requestID: request.requestID))
        }
        deliverHead()
        return .success(Outcome(status: status, headers: headers, body: body, newConnections: connects))
    }

    private func onHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            // A new status line (after 1xx, a proxy CONNECT reply, …) starts a fresh header block.
            let parts = line.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            headers = HTTPHeaders()
        } else if line.isEmpty {
            // End of a header block. Behind a proxy the first block may be the CONNECT reply,
            // so then wait for the first body byte (or the end) before announcing the head.
            if status >= 200 && options.proxy == nil { deliverHead() }
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.add(name, value)
        }
    }

    private func deliverHead() {
        guard !headDelivered else { return }
        headDelivered = true
        if case .stream(let onHead, _) = sink { onHead(status, headers) }
    }

    private func onBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        switch sink {
        case .buffer(let limit):
            if body.count + bytes.count > limit {
                tooLarge = true
                return false
            }
            body.append(contentsOf: bytes)
            return true
        case .stream(_, let channel):
            deliverHead()
            return channel.push(Data(bytes))
        }
    }
}
