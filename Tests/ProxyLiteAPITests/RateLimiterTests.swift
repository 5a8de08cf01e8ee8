import Foundation
import ProxyLiteAPI
import TestSupport
import Testing

/// A clock moved only by the sleeps asked of it, recording each.
private final class HandClock: PacingClock, @unchecked Sendable {
    // Read and moved by the limiter's actor and read by the test between awaits.
    private let lock = NSLock()
    private var seconds = 1_000.0
    private var waits: [Double] = []

    var now: Double { lock.withLock { seconds } }
    var sleeps: [Double] { lock.withLock { waits } }

    func sleep(for duration: Duration) async throws {
        let step = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        lock.withLock {
            seconds += step
            waits.append(step)
        }
    }
}

/// The client's rate cap: a token bucket on the configured clock.
@Suite struct RateLimiterTests {
    /// After the burst, requests go out one every 1/rate seconds of the injected clock, and the
    /// run waits for none of it in real time.
    @Test func injectedClockSpacesRequestsWithoutRealWaiting() async throws {
        let clock = HandClock()
        let times = try await withSimulator(
            testWorld(),
            client: {
                $0.requestsPerSecond = 2
                $0.burst = 3
                $0.pacingClock = clock
            }
        ) { _, client in
            var times: [Double] = []
            for _ in 0..<9 {
                _ = try await client.packageSummary()
                times.append(clock.now - 1_000)
            }
            return times
        }
        let expected = [0, 0, 0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]
        #expect(zip(times, expected).allSatisfy { abs($0 - $1) < 0.002 }, "\(times)")
        // Every wait went to the injected clock (a limiter on real time would leave it at 1 000 and
        // record no sleep). No bound on real time: on a loaded machine it says nothing.
        #expect(clock.sleeps.count == 6, "\(clock.sleeps)")
        #expect(abs(clock.now - 1_003) < 0.01, "\(clock.now)")
    }

    /// Without a clock the cap holds in real time, as the dashboard runs it.
    @Test func realClockByDefault() async throws {
        let elapsed = try await withSimulator(
            testWorld(),
            client: {
                $0.requestsPerSecond = 20
                $0.burst = 2
            }
        ) { _, client in
            let started = ContinuousClock.now
            for _ in 0..<6 { _ = try await client.packageSummary() }
            return ContinuousClock.now - started
        }
        // Four requests past the burst, 50 ms apart.
        #expect(elapsed >= .milliseconds(190), "\(elapsed)")
    }

    /// Two clients of one host (two profiles) given one limiter share its budget: together they
    /// go out on the schedule one client alone would keep, not twice as fast.
    @Test func clientsSharingALimiterShareItsBudget() async throws {
        let clock = HandClock()
        let shared = RateLimiter(requestsPerSecond: 2, burst: 3, clock: clock)
        let times = try await withSimulator(testWorld(), client: { $0.sharedLimiter = shared }) { _, first in
            let second = ProxyLiteClient(configuration: first.configuration)
            var times: [Double] = []
            for index in 0..<8 {
                _ = try await (index.isMultiple(of: 2) ? first : second).packageSummary()
                times.append(clock.now - 1_000)
            }
            return times
        }
        let expected = [0, 0, 0, 0.5, 1.0, 1.5, 2.0, 2.5]
        #expect(zip(times, expected).allSatisfy { abs($0 - $1) < 0.002 }, "\(times)")
    }
}
