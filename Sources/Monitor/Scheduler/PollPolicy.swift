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

    public static let defaultIntervals = Dictionary(uniqueKeysWithValues: ResourceSpec.all.map { ($0.resource, $0.interval) })

    /// The shortest interval a user may configure per resource.
    public static let floors = Dictionary(uniqueKeysWithValues: ResourceSpec.all.map { ($0.resource, $0.floor) })

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

    /// Lists of accounts up to this size are polled at the configured interval.
    public static let accountsPerInterval = 5_000
    /// However large the list, accounts are polled at least this often.
    public static let longestAccountsInterval: Duration = .seconds(600)

    /// How much longer than configured to wait after an answer of `items` records. The account
    /// list is not paginated: at 100 000 accounts every poll is a 20 MB download, which at 30 s
    /// would be 2.6 GB an hour. The wait grows with the size (one interval per 5 000 accounts,
    /// at most 10 minutes); the provider's usage figures lag 5 minutes anyway.
    public func stretch(_ resource: Resource, items: Int) -> Double {
        guard resource == .accounts, items > Self.accountsPerInterval else { return 1 }
        let base = Double(interval(resource).components.seconds)
        let wanted = Double(items) / Double(Self.accountsPerInterval)
        let cap = Double(Self.longestAccountsInterval.components.seconds) / max(base, 1)
        return max(1, min(wanted, cap))
    }

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
