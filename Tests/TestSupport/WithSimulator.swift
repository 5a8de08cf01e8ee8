import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator

/// Runs `body` against a fresh simulator on a free loopback port, with a client pointed at it,
/// and stops the simulator afterwards whatever happens.
public func withSimulator<T: Sendable>(
    _ configuration: SimulatorConfiguration = SimulatorConfiguration(),
    client clientConfiguration: (inout ProxyLiteClient.Configuration) -> Void = { _ in },
    _ body: (Simulator, ProxyLiteClient) async throws -> T
) async throws -> T {
    let simulator = try await Simulator.start(configuration)
    var config = ProxyLiteClient.Configuration(
        profile: simulator.profile, appKey: simulator.appKey, requestTimeout: .seconds(10), requestsPerSecond: 1000,
        burst: 1000)
    clientConfiguration(&config)
    let client = ProxyLiteClient(configuration: config)
    do {
        let result = try await body(simulator, client)
        await simulator.stop()
        return result
    } catch {
        await simulator.stop()
        throw error
    }
}

/// A small world for tests: quick to build, every kind of record present.
public func testWorld(
    seed: UInt64 = 7, accounts: Int = 30, quirks: Bool = true, applyDelay: Duration = .seconds(300),
    faults: FaultPlan = FaultPlan()
) -> SimulatorConfiguration {
    SimulatorConfiguration(
        seed: seed, accounts: accounts, staticIPs: 25, orders: 30, packages: 10, appKey: testKey, applyDelay: applyDelay,
        quirks: quirks, faults: faults)
}

/// A key that looks real (32 letters and digits) so that a leak of it is easy to search for.
public let testKey = "tk9Q2mX7vL4pR8sW1zY6nB3cD5fG0hJ2"
