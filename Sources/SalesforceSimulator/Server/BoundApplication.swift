import Hummingbird
import NIOCore

/// Runs a Hummingbird application in a task of its own and returns once it listens, with
/// the port it bound (useful with port 0). Shared by the simulator and the test servers.
public enum BoundApplication {
    /// - Parameter make: builds the application around the `onServerRunning` callback it is given.
    /// - Throws: the application's own start-up error, or ``SimulatorError/didNotStart``.
    public static func run<App: ApplicationProtocol>(
        _ make: (_ onServerRunning: @escaping @Sendable (any Channel) async -> Void) -> App
    ) async throws -> (port: Int, task: Task<Void, any Error>) {
        let (portStream, portCont) = AsyncStream<Int>.makeStream()
        let app = make { channel in
            portCont.yield(channel.localAddress?.port ?? 0)
            portCont.finish()
        }
        let task = Task {
            defer { portCont.finish() }
            try await app.run()
        }
        var port = 0
        for await p in portStream { port = p }
        guard port > 0 else {
            task.cancel()
            if case .failure(let error) = await task.result { throw error }
            throw SimulatorError.didNotStart
        }
        return (port, task)
    }
}
