import Foundation

/// Seconds since an arbitrary start on the monotonic clock: what durations are measured with, so
/// that the wall clock being set (by hand or NTP) cannot make an age negative or a rate spike.
public enum MonotonicSeconds {
    private static let origin = ContinuousClock.now

    @Sendable public static func now() -> Double {
        let elapsed = origin.duration(to: ContinuousClock.now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
