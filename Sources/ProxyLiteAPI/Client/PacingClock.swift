import Foundation

/// The clock the client's rate cap reads and waits on: seconds on a monotonic scale, and a sleep.
/// The dashboard uses `ContinuousPacingClock` (real time); the soak benchmark passes one it moves
/// by hand, so that the cap's waits advance simulated time instead of holding the run.
public protocol PacingClock: Sendable {
    /// Seconds since some fixed moment; never goes back.
    var now: Double { get }
    /// Returns once `duration` has passed on this clock.
    /// - Throws: `CancellationError` if the task is cancelled while waiting.
    func sleep(for duration: Duration) async throws
}

/// Real time: `ContinuousClock` and `Task.sleep`.
public struct ContinuousPacingClock: PacingClock {
    private let origin = ContinuousClock.now

    public init() {}

    public var now: Double {
        let elapsed = origin.duration(to: ContinuousClock.now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
