import ConnectorTesting
import Crypto
import Foundation
import HTTPTransport
import Testing

@Suite("Curl transport: gzip")
struct GzipTests {
    @Test("A gzip-encoded response arrives decoded")
    func gzipResponse() async throws {
        let server = try await Support.server()
        let response = try await CurlTransport().send(HTTPRequest(url: server.baseURL + "/gzip"))
        #expect(response.status == 200)
        #expect(response.headers["content-encoding"] == "gzip")
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text == String(repeating: "sfconnect gzip payload line\n", count: 2000))
        await server.stop()
    }

    @Test("gzipBody compresses the request body and labels it Content-Encoding: gzip")
    func gzipRequestBody() async throws {
        let server = try await Support.server()
        let payload = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 % 251) })
        let request = HTTPRequest(method: "POST", url: server.baseURL + "/gunzip",
                                  headers: ["Content-Type": "application/octet-stream"],
                                  body: payload, gzipBody: true)
        let response = try await CurlTransport().send(request)
        #expect(response.status == 200)
        let report = try Support.echo(response)
        #expect(report.bodyLength == payload.count)
        let digest = SHA256.hash(data: payload).map { String(format: "%02x", $0) }.joined()
        #expect(report.bodySHA256 == digest)
        await server.stop()
    }

    @Test("Gzip round-trips data, including empty data")
    func gzipRoundTrip() throws {
        for sample in [Data(), Data("hello".utf8), Data(repeating: 7, count: 1_000_000)] {
            let packed = try #require(Gzip.compress(sample))
            #expect(packed.prefix(2) == Data([0x1f, 0x8b]))
            #expect(Gzip.decompress(packed) == sample)
        }
        #expect(Gzip.decompress(Data("not gzip".utf8)) == nil)
    }
}
