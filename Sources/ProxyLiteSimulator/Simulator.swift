import Foundation
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore
import ProxyLiteAPI
import ServiceLifecycle

/// A real HTTP server on loopback that speaks the ProxyLite API, for the demo and for every test
/// of the client.
///
/// ```swift
/// let simulator = try await Simulator.start(SimulatorConfiguration(accounts: 100))
/// defer { Task { await simulator.stop() } }
/// let client = ProxyLiteClient(configuration: .init(profile: simulator.profile, appKey: simulator.appKey))
/// ```
public final class Simulator: Sendable {
    public let configuration: SimulatorConfiguration
    /// The URL the server listens on, e.g. `http://127.0.0.1:49152`.
    public let baseURL: URL
    private let task: Task<Void, any Error>
    private let group: ServiceGroup
    private let world: NIOLockedValueBox<World>
    private let counts: NIOLockedValueBox<[String: Int]>
    private let faults: FaultInjector

    private init(
        configuration: SimulatorConfiguration, baseURL: URL, task: Task<Void, any Error>, group: ServiceGroup,
        world: NIOLockedValueBox<World>, counts: NIOLockedValueBox<[String: Int]>, faults: FaultInjector
    ) {
        self.configuration = configuration
        self.baseURL = baseURL
        self.task = task
        self.group = group
        self.world = world
        self.counts = counts
        self.faults = faults
    }

    /// The profile a client uses to reach this simulator.
    public var profile: PlatformProfile {
        PlatformProfile(baseURL: baseURL, pathPrefix: configuration.pathPrefix, providerOffset: configuration.providerOffset)
    }

    public var appKey: AppKey { AppKey(configuration.appKey)! }  // the configuration's key is never empty

    /// Requests served per endpoint path, for tests and for measuring API traffic.
    public var requestCounts: [String: Int] { counts.withLockedValue { $0 } }

    /// Successful answers sent in trickles so far (`FaultPlan.trickle`).
    public var trickledAnswers: Int { faults.trickled }

    /// Starts a simulator on `host`:`port` (0 picks a free port) and returns once it listens.
    /// - Throws: when the port cannot be bound.
    public static func start(
        _ configuration: SimulatorConfiguration = SimulatorConfiguration(), host: String = "127.0.0.1", port: Int = 0,
        logger: Logger? = nil
    ) async throws -> Simulator {
        precondition(!configuration.appKey.isEmpty, "the simulator needs a key")
        let now = configuration.clock.now
        let world = NIOLockedValueBox(World(configuration: configuration, now: now))
        let counts = NIOLockedValueBox<[String: Int]>([:])
        let faults = FaultInjector(plan: configuration.faults, seed: configuration.seed, startedAt: now)
        let responder = APIResponder(configuration: configuration, world: world, faults: faults, requestCount: counts)
        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        var quiet = logger ?? Logger(label: "proxylite.simulator")
        if logger == nil { quiet.logLevel = .critical }
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: quiet)
        // Run under a service group so that stop() is a graceful shutdown: cancelling the serving
        // task instead traps in NIO ("Deinited NIOAsyncWriter without calling finish()").
        var groupConfiguration = ServiceGroupConfiguration(services: [app], logger: quiet)
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(5)
        let group = ServiceGroup(configuration: groupConfiguration)
        let task = Task {
            do {
                try await group.run()
            } catch {
                portContinuation.finish()
                throw error
            }
        }
        var boundPort: Int?
        for await value in portStream {
            boundPort = value
            break
        }
        guard let boundPort, boundPort > 0 else {
            await group.triggerGracefulShutdown()
            _ = try? await task.value
            throw SimulatorStartError(message: "could not listen on \(host):\(port)")
        }
        let urlHost = host.contains(":") ? "[\(host)]" : host
        return Simulator(
            configuration: configuration, baseURL: URL(string: "http://\(urlHost):\(boundPort)")!,  // built from a host and a port
            task: task, group: group, world: world, counts: counts, faults: faults)
    }

    /// Stops the server gracefully (in-flight answers finish; deliberate hangs end) and waits
    /// until it has closed its socket.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// Waits until the server stops on its own (for the `simulate` command).
    public func wait() async throws {
        try await task.value
    }

    // MARK: - Inspection for tests

    /// The usernames of the accounts in the world now (pending changes not yet applied).
    public func usernames() -> [String] {
        world.withLockedValue { $0.accounts.map(\.username) }
    }

    /// Changes accepted but not yet applied.
    public var pendingChanges: Int { world.withLockedValue { $0.pending.count } }
}

public struct SimulatorStartError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
