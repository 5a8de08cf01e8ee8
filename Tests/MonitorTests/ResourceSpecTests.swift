import Foundation
import Logging
import Monitor
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

/// Each resource is described once, and what polls, stores and reports it follows that list.
@Suite struct ResourceSpecTests {
    @Test func everyResourceHasOneDescription() {
        #expect(ResourceSpec.all.map(\.resource) == Resource.allCases)
        #expect(Resource.polledFromStart == ResourceSpec.all.filter { !$0.onDemand }.map(\.resource))
        for spec in ResourceSpec.all {
            #expect(spec.floor <= spec.interval, "\(spec.resource)")
            #expect(PollPolicy.defaultIntervals[spec.resource] == spec.interval)
            #expect(PollPolicy.floors[spec.resource] == spec.floor)
        }
    }

    /// A failure of any resource lands in its own state, and a stop mark on each: the store
    /// iterates the list instead of naming each resource.
    @Test func theStoreLandsFailuresAndStopsFromTheList() async {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        for spec in ResourceSpec.all {
            let store = Store(source: "t", readOnly: false) { _ in }
            let error = ProxyLiteError(.httpStatus(503), endpoint: spec.configKey, message: "HTTP 503")
            await store.apply(.failed(spec.resource, error), at: now, nextAttempt: now.addingTimeInterval(5), stopped: [spec.resource])
            let snapshot = await store.current
            guard case .stopped(let reason) = snapshot.connection else {
                Issue.record("\(spec.resource): \(snapshot.connection)")
                continue
            }
            #expect(reason.contains("HTTP 503"), "\(spec.resource): \(reason)")
        }
    }

    /// The poller's clock is a parameter: on an injected clock whose sleeps pass at once, the
    /// accounts (every 30 s) are polled again and again within a moment of real time.
    @Test func thePollerRunsOnAnInjectedClock() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let clock = FakeClock()
            let store = Store(source: "t", readOnly: false, monotonic: { clock.now }) { _ in }
            let engine = MonitorEngine(
                client: client, store: store, policy: PollPolicy(), logger: Logger(label: "t"),
                sleep: { seconds in
                    clock.advance(seconds)
                    try await Task.sleep(for: .milliseconds(1))
                })
            let running = Task { await engine.run() }
            let started = ContinuousClock.now
            while (simulator.requestCounts["whitelist-account/list"] ?? 0) < 4, ContinuousClock.now - started < .seconds(20) {
                try await Task.sleep(for: .milliseconds(20))
            }
            running.cancel()
            #expect((simulator.requestCounts["whitelist-account/list"] ?? 0) >= 4)
            #expect(clock.now >= 90)  // three 30-second waits passed on the injected clock
        }
    }
}

/// Seconds that pass only when told.
final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds = 0.0
    var now: Double { lock.withLock { seconds } }
    func advance(_ by: Double) { lock.withLock { seconds += max(0, by) } }
}
