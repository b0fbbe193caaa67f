import ConnectorTesting
import Foundation
import HTTPTransport
import Testing

@Suite("Curl transport: basic requests")
struct BasicRequestTests {
    @Test("A GET returns the status, the response headers and the body")
    func getRequest() async throws {
        let server = try await Support.server()
        let transport = CurlTransport()
        let response = try await transport.send(HTTPRequest(url: server.baseURL + "/echo?x=1"))
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        let echo = try Support.echo(response)
        #expect(echo.method == "GET")
        #expect(echo.bodyLength == 0)
        await server.stop()
    }

    @Test("A POST sends its body and headers, without Expect: 100-continue")
    func postRequest() async throws {
        let server = try await Support.server()
        let transport = CurlTransport()
        let payload = Data(String(repeating: "a", count: 200_000).utf8)
        let request = HTTPRequest(method: "POST", url: server.baseURL + "/echo",
                                  headers: ["Content-Type": "text/plain", "X-Custom": "yes"], body: payload)
        let response = try await transport.send(request)
        let echo = try Support.echo(response)
        #expect(echo.method == "POST")
        #expect(echo.bodyLength == payload.count)
        #expect(echo.headers["x-custom"] == "yes")
        #expect(echo.headers["content-type"] == "text/plain")
        #expect(echo.headers["expect"] == nil)
        #expect(echo.headers["accept-encoding"]?.contains("gzip") == true)
        await server.stop()
    }

    @Test("PATCH and DELETE use their methods")
    func otherMethods() async throws {
        let server = try await Support.server()
        let transport = CurlTransport()
        let patch = try await transport.send(HTTPRequest(method: "PATCH", url: server.baseURL + "/echo",
                                                         headers: ["Content-Type": "application/json"],
                                                         body: Data("{}".utf8)))
        #expect(try Support.echo(patch).method == "PATCH")
        #expect(try Support.echo(patch).body == "{}")
        let delete = try await transport.send(HTTPRequest(method: "DELETE", url: server.baseURL + "/echo"))
        #expect(try Support.echo(delete).method == "DELETE")
        await server.stop()
    }

    @Test("Every request carries its request id in X-Request-Id")
    func requestIDHeader() async throws {
        let server = try await Support.server()
        let transport = CurlTransport()
        let request = HTTPRequest(url: server.baseURL + "/echo", requestID: "sfc-test-42")
        let response = try await transport.send(request)
        #expect(try Support.echo(response).headers["x-request-id"] == "sfc-test-42")
        #expect(response.requestID == "sfc-test-42")
        await server.stop()
    }

    @Test("A 404 is a response, not an error")
    func notFoundIsAResponse() async throws {
        let server = try await Support.server()
        let response = try await CurlTransport().send(HTTPRequest(url: server.baseURL + "/missing"))
        #expect(response.status == 404)
        await server.stop()
    }
}
