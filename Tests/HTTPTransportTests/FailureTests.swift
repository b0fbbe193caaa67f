import ConnectorTesting
import Foundation
import HTTPTransport
import Testing

@Suite("Curl transport: failures")
struct FailureTests {
    @Test("A closed port fails with connectionRefused and a URL without its query")
    func connectionRefused() async throws {
        let port = try await Support.closedPort()
        let url = "http://127.0.0.1:\(port)/services/data?q=secret-value"
        let error = try await #require(throws: TransportError.self) {
            _ = try await CurlTransport().send(HTTPRequest(url: url, requestID: "sfc-refused"))
        }
        #expect(error.kind == .connectionRefused)
        #expect(error.url == "http://127.0.0.1:\(port)/services/data")
        #expect(error.requestID == "sfc-refused")
        #expect(!error.description.contains("secret-value"))
        #expect(error.description.contains("http://127.0.0.1:\(port)/services/data"))
    }

    @Test("A slow response past the timeout fails with timeout")
    func timeout() async throws {
        let server = try await Support.server()
        let error = try await #require(throws: TransportError.self) {
            _ = try await CurlTransport().send(HTTPRequest(url: server.baseURL + "/slow?ms=3000", timeout: 0.5))
        }
        #expect(error.kind == .timeout)
        await server.stop()
    }

    @Test("HTTPS without the CA file fails with tls")
    func tlsWithoutCA() async throws {
        let server = try await Support.server(tls: true)
        let error = try await #require(throws: TransportError.self) {
            _ = try await CurlTransport().send(HTTPRequest(url: server.baseURL + "/echo"))
        }
        #expect(error.kind == .tls)
        await server.stop()
    }

    @Test("HTTPS with the CA file succeeds, by IP and by host name")
    func tlsWithCA() async throws {
        let server = try await Support.server(tls: true)
        let transport = CurlTransport(configuration: TransportConfiguration(caFile: server.caFile))
        let response = try await transport.send(HTTPRequest(url: server.baseURL + "/echo"))
        #expect(response.status == 200)
        let byName = try await transport.send(HTTPRequest(url: "https://localhost:\(server.port)/echo"))
        #expect(byName.status == 200)
        transport.closeIdleConnections()
        await server.stop()
    }

    @Test("A malformed URL fails with invalidRequest")
    func malformedURL() async throws {
        let error = try await #require(throws: TransportError.self) {
            _ = try await CurlTransport().send(HTTPRequest(url: "http://[bad"))
        }
        #expect(error.kind == .invalidRequest)
    }

    @Test("An unresolvable proxy from the configured environment fails with proxy")
    func proxyFromEnvironment() async throws {
        let config = TransportConfiguration(environment: ["http_proxy": "http://proxy.invalid:3128"])
        let error = try await #require(throws: TransportError.self) {
            _ = try await CurlTransport(configuration: config).send(HTTPRequest(url: "http://example.invalid/x"))
        }
        #expect(error.kind == .proxy)
    }
}
