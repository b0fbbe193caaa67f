import ConnectorTesting
import Foundation
import HTTPTransport
import Testing

@Suite("Curl transport: connections")
struct ConnectionTests {
    @Test("Sequential requests reuse one keep-alive connection")
    func keepAlive() async throws {
        let server = try await Support.server()
        let transport = CurlTransport()
        for _ in 0..<50 {
            let response = try await transport.send(HTTPRequest(url: server.baseURL + "/echo"))
            #expect(response.status == 200)
        }
        #expect(server.clientPorts.count == 50)
        #expect(Set(server.clientPorts).count == 1)
        #expect(transport.connectionsOpened == 1)
        await server.stop()
    }

    @Test("Sequential HTTPS requests reuse one connection")
    func keepAliveTLS() async throws {
        let server = try await Support.server(tls: true)
        let transport = CurlTransport(configuration: TransportConfiguration(caFile: server.caFile))
        for _ in 0..<10 {
            _ = try await transport.send(HTTPRequest(url: server.baseURL + "/echo"))
        }
        #expect(Set(server.clientPorts).count == 1)
        transport.closeIdleConnections()
        await server.stop()
    }

    @Test("Twenty concurrent requests all succeed")
    func concurrentRequests() async throws {
        let server = try await Support.server()
        let transport = CurlTransport()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<20 {
                group.addTask {
                    let r = try await transport.send(HTTPRequest(url: server.baseURL + "/slow?ms=300",
                                                                 requestID: "req-\(i)"))
                    return r.status
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.count == 20)
        #expect(statuses.allSatisfy { $0 == 200 })
        await server.stop()
    }
}
