/// When to poll what: a pure state machine, driven event by event, that never sleeps itself.
///
/// Each resource is in one of two states:
/// - idle, with a due time: `due(at:)` returns it once the time has come, and it becomes in flight;
/// - in flight: `completed(_:success:at:)` makes it idle again, due after its interval (success)
///   or after exponential backoff (failure). A resource is never in flight twice.
///
/// `refreshNow(at:)` makes every idle resource due at once; in-flight ones are left alone.
/// A permanent failure (a rejected key, an unverified account) stops a resource, or all of them,
/// until `refreshNow` or `resume`: retrying what cannot succeed only burns the provider's patience.
/// Times are plain seconds on any monotonic clock the driver chooses, so tests need no sleeping.
public struct Scheduler: Sendable {
    public struct Entry: Sendable, Hashable {
        public var due: Double
        public var inFlight = false
        public var failures = 0
        /// Stopped by a failure that retrying cannot mend; never due until resumed.
        public var stopped = false
    }

    public private(set) var entries: [Resource: Entry]
    public let policy: PollPolicy
    private var random: JitterSource

    public init(policy: PollPolicy, resources: [Resource] = Resource.polledFromStart, start: Double, seed: UInt64 = 1) {
        self.policy = policy
        self.random = JitterSource(seed: seed)
        // Everything is due at once on start, so the first screen fills as fast as the rate cap allows.
        entries = Dictionary(uniqueKeysWithValues: resources.map { ($0, Entry(due: start)) })
    }

    /// The resources due at `now`, marked in flight, in a stable order.
    public mutating func due(at now: Double) -> [Resource] {
        var started: [Resource] = []
        for resource in entries.keys.sorted() {
            guard var entry = entries[resource], !entry.inFlight, !entry.stopped, entry.due <= now else { continue }
            entry.inFlight = true
            entries[resource] = entry
            started.append(resource)
        }
        return started
    }

    /// Records the end of a poll and schedules the next one. `items` is how many records the
    /// answer held, for the one unpaginated list (accounts), whose interval stretches with its size.
    public mutating func completed(_ resource: Resource, success: Bool, at now: Double, items: Int = 0) {
        guard var entry = entries[resource] else { return }
        entry.inFlight = false
        if success {
            entry.failures = 0
            let interval = seconds(policy.interval(resource)) * policy.stretch(resource, items: items)
            entry.due = now + interval * random.factor(policy.jitter)
        } else {
            entry.failures += 1
            entry.due = now + seconds(policy.backoff(failures: entry.failures)) * random.factor(policy.jitter / 2)
        }
        entries[resource] = entry
    }

    /// Stops `resource` after a failure that retrying cannot mend.
    public mutating func stop(_ resource: Resource) {
        entries[resource]?.stopped = true
    }

    /// Stops every resource (the key was rejected: every request would be).
    public mutating func stopAll() {
        for resource in entries.keys { entries[resource]?.stopped = true }
    }

    public var stopped: Set<Resource> { Set(entries.filter { $0.value.stopped }.keys) }

    /// Makes every idle resource due now, stopped ones included (the `r` key).
    public mutating func refreshNow(at now: Double) {
        for (resource, var entry) in entries where !entry.inFlight {
            entry.due = min(entry.due, now)
            if entry.stopped {
                entry.stopped = false
                entry.failures = 0
            }
            entries[resource] = entry
        }
    }

    /// Adds a resource (or makes it due now if it is idle): for data the user just asked to see.
    public mutating func request(_ resource: Resource, at now: Double) {
        if var entry = entries[resource] {
            if !entry.inFlight { entry.due = min(entry.due, now) }
            entries[resource] = entry
        } else {
            entries[resource] = Entry(due: now)
        }
    }

    /// Adds a resource, due now, unless it is already scheduled (a pane opened again changes nothing).
    public mutating func ensure(_ resource: Resource, at now: Double) {
        if entries[resource] == nil { entries[resource] = Entry(due: now) }
    }

    /// The earliest time something becomes due, or nil when everything is in flight.
    public var nextDue: Double? {
        entries.values.filter { !$0.inFlight && !$0.stopped }.map(\.due).min()
    }

    /// When the next attempt of `resource` is due, if it is idle and not stopped.
    public func nextAttempt(_ resource: Resource) -> Double? {
        guard let entry = entries[resource], !entry.inFlight, !entry.stopped else { return nil }
        return entry.due
    }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

/// Deterministic jitter, so scheduler tests can predict it.
struct JitterSource: Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed | 1 }

    /// A factor in 1 ± share.
    mutating func factor(_ share: Double) -> Double {
        guard share > 0 else { return 1 }
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        let unit = Double(state >> 11) / Double(1 << 53)
        return 1 + share * (unit * 2 - 1)
    }
}
