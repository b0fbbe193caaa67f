import Crypto
import Foundation
import Hummingbird
import NIOCore

/// The routes of ``LoopbackServer``.
enum LoopbackRoutes {
    /// The plain text served (gzip-encoded when asked) by `/gzip`.
    static let gzipPayload = String(repeating: "sfconnect gzip payload line\n", count: 2000)

    static func install(on router: Router<LoopbackContext>, codec: GzipCodec?) {
        router.on("/echo", method: .get) { try await echo($0, $1) }
        router.on("/echo", method: .post) { try await echo($0, $1) }
        router.on("/echo", method: .put) { try await echo($0, $1) }
        router.on("/echo", method: .patch) { try await echo($0, $1) }
        router.on("/echo", method: .delete) { try await echo($0, $1) }
        router.get("/port") { _, context in "\(context.remotePort ?? -1)" }
        router.get("/gzip") { request, _ in
            let accepts = request.headers[.acceptEncoding]?.contains("gzip") ?? false
            let plain = Data(gzipPayload.utf8)
            guard accepts, let codec, let packed = codec.compress(plain) else {
                return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: plain)))
            }
            var headers = HTTPFields()
            headers[.contentEncoding] = "gzip"
            headers[.contentType] = "text/plain"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: packed)))
        }
        router.post("/gunzip") { request, context in
            let raw = Data(buffer: try await request.body.collect(upTo: 512 * 1024 * 1024))
            guard request.headers[.contentEncoding] == "gzip", let codec, let plain = codec.decompress(raw) else {
                return Response(status: .badRequest)
            }
            return try json(report(request, context, body: plain))
        }
        router.get("/bytes") { request, _ in
            let total = Int(request.uri.queryParameters["size"].map(String.init) ?? "") ?? 1024
            let chunkSize = 64 * 1024
            return Response(status: .ok, body: ResponseBody(contentLength: total) { writer in
                var sent = 0
                var chunk = ByteBuffer(repeating: UInt8(ascii: "x"), count: chunkSize)
                while sent < total {
                    let n = min(chunkSize, total - sent)
                    if n < chunkSize { chunk = ByteBuffer(repeating: UInt8(ascii: "x"), count: n) }
                    try await writer.write(chunk)
                    sent += n
                }
                try await writer.finish(nil)
            })
        }
        router.get("/slow") { request, _ in
            let ms = Int(request.uri.queryParameters["ms"].map(String.init) ?? "") ?? 2000
            try await Task.sleep(for: .milliseconds(ms))
            return "done"
        }
    }

    static func echo(_ request: Request, _ context: LoopbackContext) async throws -> Response {
        let body = Data(buffer: try await request.body.collect(upTo: 512 * 1024 * 1024))
        return try json(report(request, context, body: body))
    }

    static func report(_ request: Request, _ context: LoopbackContext, body: Data) -> EchoReport {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
        }
        let digest = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        return EchoReport(method: request.method.rawValue, headers: headers,
                          body: String(decoding: body.prefix(64 * 1024), as: UTF8.self),
                          bodyLength: body.count, bodySHA256: digest, remotePort: context.remotePort)
    }

    static func json(_ report: EchoReport) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        let data = try JSONEncoder().encode(report)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
