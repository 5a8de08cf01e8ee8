import Hummingbird
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// Serves `GET /metrics` from a `MetricsExporter` over HTTP (404 for any other path), on
/// Hummingbird, as the simulator serves the API.
public final class MetricsServer: Sendable {
    public let host: String
    /// The port it listens on (the one picked when it was asked for 0).
    public let port: Int
    private let task: Task<Void, any Error>
    private let group: ServiceGroup

    /// Prometheus's text format; the version is how a scraper tells it from OpenMetrics.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private init(host: String, port: Int, task: Task<Void, any Error>, group: ServiceGroup) {
        self.host = host
        self.port = port
        self.task = task
        self.group = group
    }

    /// Starts serving and returns once the server listens.
    /// - Parameter bearerToken: when given, every request must carry `Authorization: Bearer <token>`.
    /// - Throws: `MetricsServerError` when the token is empty or the address cannot be bound.
    public static func start(
        exporter: MetricsExporter, host: String = "127.0.0.1", port: Int, bearerToken: String? = nil, logger: Logger
    ) async throws -> MetricsServer {
        if let bearerToken, bearerToken.isEmpty { throw MetricsServerError.emptyToken }
        let router = Router()
        if let bearerToken { router.add(middleware: BearerTokenMiddleware(token: Array(bearerToken.utf8))) }
        router.get("metrics") { request, _ -> Response in
            // The router takes /metrics/ for /metrics; nothing but the one path is served.
            guard request.uri.path == "/metrics" else { throw HTTPError(.notFound) }
            // Off the concurrency pool: a scrape of every one of 100 000 accounts is long enough
            // to hold up the pollers' tasks on a small machine.
            let body = try await NIOThreadPool.singleton.runIfActive { exporter.exposition() }
            return Response(
                status: .ok, headers: [.contentType: contentType],
                body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }

        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        // Under a service group, so that stop() is a graceful shutdown: cancelling the serving
        // task instead traps in NIO ("Deinited NIOAsyncWriter without calling finish()").
        var groupConfiguration = ServiceGroupConfiguration(services: [app], logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(5)
        let group = ServiceGroup(configuration: groupConfiguration)
        let task = Task {
            defer { portContinuation.finish() }
            try await group.run()
        }
        var boundPort: Int?
        for await value in portStream {
            boundPort = value
            break
        }
        guard let boundPort, boundPort > 0 else {
            await group.triggerGracefulShutdown()
            let reason: String
            do {
                try await task.value
                reason = "the server stopped before it listened"
            } catch {
                reason = "\(error)"
            }
            throw MetricsServerError.cannotListen(address: MetricsListen(host: host, port: port).description, reason: reason)
        }
        logger.info(
            "serving metrics",
            metadata: [
                "address": "\(MetricsListen(host: host, port: boundPort))", "bearer_token": "\(bearerToken == nil ? "none" : "required")",
            ])
        return MetricsServer(host: host, port: boundPort, task: task, group: group)
    }

    /// Stops gracefully (a scrape in flight finishes) and waits until the socket is closed.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}

public enum MetricsServerError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyToken
    case cannotListen(address: String, reason: String)

    public var description: String {
        switch self {
        case .emptyToken:
            "the metrics bearer token is empty: set a token of at least a few random characters, or none"
        case .cannotListen(let address, let reason):
            "cannot serve metrics on \(address): \(reason) (is another program using the port?)"
        }
    }
}
