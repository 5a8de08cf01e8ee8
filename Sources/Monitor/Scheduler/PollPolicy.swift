/// How often each resource is polled, and how failures slow that down.
///
/// Defaults follow how fresh the provider's data can be: usage lags up to 5 minutes, so polling
/// accounts more often than every 30 s only spends the provider's goodwill.
public struct PollPolicy: Sendable, Hashable {
    public var intervals: [Resource: Duration]
    /// Each wait is stretched or shrunk by up to this share, so that pollers do not line up.
    public var jitter: Double
    public var backoffBase: Duration
    public var backoffCap: Duration

    public static let defaultIntervals: [Resource: Duration] = [
        .accounts: .seconds(30), .summary: .seconds(60), .flow: .seconds(300), .staticIPs: .seconds(300),
        .orders: .seconds(120),
    ]

    /// The shortest interval a user may configure per resource.
    public static let floors: [Resource: Duration] = [
        .accounts: .seconds(10), .summary: .seconds(30), .flow: .seconds(60), .staticIPs: .seconds(60),
        .orders: .seconds(30),
    ]

    public init(
        intervals: [Resource: Duration] = PollPolicy.defaultIntervals, jitter: Double = 0.1,
        backoffBase: Duration = .seconds(5), backoffCap: Duration = .seconds(120)
    ) {
        self.intervals = PollPolicy.defaultIntervals.merging(intervals) { $1 }
        self.jitter = jitter
        self.backoffBase = backoffBase
        self.backoffCap = backoffCap
    }

    public func interval(_ resource: Resource) -> Duration { intervals[resource] ?? .seconds(60) }

    /// The wait after `failures` consecutive failures: base × 2^(failures-1), capped.
    public func backoff(failures: Int) -> Duration {
        guard failures > 0 else { return .zero }
        var wait = backoffBase
        for _ in 1..<min(failures, 20) {
            wait = wait * 2
            if wait >= backoffCap { return backoffCap }
        }
        return min(wait, backoffCap)
    }
}
