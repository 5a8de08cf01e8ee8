import Foundation

/// A token bucket shared by every request of one client, so that however many panes poll at
/// once, the provider never sees more than `rate` requests a second on average.
actor RateLimiter {
    private let rate: Double
    private let burst: Double
    private var tokens: Double
    private var updated: ContinuousClock.Instant
    private let clock = ContinuousClock()

    init(requestsPerSecond rate: Double, burst: Int) {
        self.rate = max(rate, 0.01)
        self.burst = Double(max(burst, 1))
        self.tokens = Double(max(burst, 1))
        self.updated = clock.now
    }

    /// Waits until a request may go out. Throws `CancellationError` if the task is cancelled while waiting.
    func acquire() async throws {
        while true {
            refill()
            if tokens >= 1 {
                tokens -= 1
                return
            }
            let wait = (1 - tokens) / rate
            try await Task.sleep(for: .milliseconds(Int((wait * 1000).rounded(.up))))
        }
    }

    private func refill() {
        let now = clock.now
        let elapsed = updated.duration(to: now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        tokens = min(burst, tokens + seconds * rate)
        updated = now
    }
}
