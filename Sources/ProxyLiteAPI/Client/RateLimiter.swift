import Foundation

/// A token bucket shared by every request of one client (or of every client that talks to one
/// API host: profiles on the same host pass one), so that however many panes and profiles poll at
/// once, the provider never sees more than `rate` requests a second on average.
/// Time is `clock`'s: real time for the dashboard, simulated time for the soak benchmark.
public actor RateLimiter {
    private let rate: Double
    private let burst: Double
    private var tokens: Double
    private var updated: Double
    private let clock: any PacingClock

    public init(requestsPerSecond rate: Double, burst: Int, clock: any PacingClock = ContinuousPacingClock()) {
        self.rate = max(rate, 0.01)
        self.burst = Double(max(burst, 1))
        self.tokens = Double(max(burst, 1))
        self.clock = clock
        self.updated = clock.now
    }

    /// Waits until a request may go out. Throws `CancellationError` if the task is cancelled while waiting.
    public func acquire() async throws {
        while true {
            refill()
            if tokens >= 1 {
                tokens -= 1
                return
            }
            // Whole milliseconds, rounded up: the wait always adds at least the missing token,
            // however coarse the clock's seconds are by then.
            let wait = (1 - tokens) / rate
            try await clock.sleep(for: .milliseconds(Int((wait * 1000).rounded(.up))))
        }
    }

    private func refill() {
        let now = clock.now
        tokens = min(burst, tokens + max(0, now - updated) * rate)
        updated = max(updated, now)
    }
}
