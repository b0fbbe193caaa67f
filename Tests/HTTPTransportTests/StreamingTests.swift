import ConnectorTesting
import Foundation
import HTTPTransport
import Testing

@Suite("Curl transport: streaming and limits")
struct StreamingTests {
    @Test("A 50 MB body streams chunk by chunk")
    func largeStream() async throws {
        let server = try await Support.server()
        let size = 50 * 1024 * 1024
        let response = try await CurlTransport().stream(HTTPRequest(url: server.baseURL + "/bytes?size=\(size)"))
        #expect(response.status == 200)
        #expect(response.headers["content-length"] == "\(size)")
        var total = 0
        var chunks = 0
        var largest = 0
        for try await chunk in response.body {
            total += chunk.count
            chunks += 1
            largest = max(largest, chunk.count)
        }
        #expect(total == size)
        #expect(chunks > 100)
        #expect(largest <= 1024 * 1024)
        await server.stop()
    }

    @Test("Dropping a stream early cancels the transfer and the transport stays usable")
    func abandonStream() async throws {
        let server = try await Support.server()
        let transport = CurlTransport()
        do {
            let response = try await transport.stream(HTTPRequest(url: server.baseURL + "/bytes?size=\(40 << 20)"))
            var iterator = response.body.makeAsyncIterator()
            _ = try await iterator.next()
        }
        let after = try await transport.send(HTTPRequest(url: server.baseURL + "/echo"))
        #expect(after.status == 200)
        await server.stop()
    }

    @Test("A buffered response over the limit fails with tooLarge")
    func tooLarge() async throws {
        let server = try await Support.server()
        var configuration = TransportConfiguration()
        configuration.maxBufferedResponseBytes = 1024 * 1024
        let transport = CurlTransport(configuration: configuration)
        let error = try await #require(throws: TransportError.self) {
            _ = try await transport.send(HTTPRequest(url: server.baseURL + "/bytes?size=\(4 << 20)"))
        }
        #expect(error.kind == .tooLarge)
        await server.stop()
    }
}
