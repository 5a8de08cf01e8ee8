import Foundation
import ProxyLiteAPI

/// The last good value of one resource, and how its polling is going. Staleness is data: a view
/// shows the value with its age when `lastError` is set, and nothing is ever thrown away on failure.
public struct ResourceState<Value: Sendable>: Sendable {
    public var value: Value?
    public var fetchedAt: Date?
    /// `fetchedAt` on the monotonic clock (`MonotonicSeconds`), for ages: the wall clock can be
    /// set back or forward while the dashboard runs, the monotonic one cannot.
    public var fetchedMonotonic: Double?
    public var lastError: ProxyLiteError?
    /// When the current run of failures began.
    public var failingSince: Date?
    public var nextAttempt: Date?
    /// Polling stopped after `lastError`, which retrying cannot mend; `r` resumes it.
    public var stopped = false

    public init(value: Value? = nil, fetchedAt: Date? = nil) {
        self.value = value
        self.fetchedAt = fetchedAt
    }

    public var isStale: Bool { lastError != nil && value != nil }

    /// Seconds since the value was fetched: on the monotonic clock when both moments are known
    /// on it, else on the wall clock (never below zero).
    public func age(now: Date, monotonic: Double?) -> TimeInterval? {
        guard let fetchedAt else { return nil }
        if let monotonic, let fetchedMonotonic { return max(0, monotonic - fetchedMonotonic) }
        return max(0, now.timeIntervalSince(fetchedAt))
    }

    mutating func succeed(_ value: Value, at now: Date, monotonic: Double) {
        self.value = value
        fetchedAt = now
        fetchedMonotonic = monotonic
        lastError = nil
        failingSince = nil
        stopped = false
    }

    mutating func fail(_ error: ProxyLiteError, at now: Date) {
        lastError = error
        if failingSince == nil { failingSince = now }
    }
}

/// How the header describes the link to the API.
public enum ConnectionState: Sendable, Equatable {
    /// No answer yet.
    case connecting
    case live
    /// Data on screen, but the last poll failed; shown with the age of the data.
    case stale(since: Date, reason: String)
    /// Nothing to show and the API is failing; the next attempt is at `retryAt`.
    case offline(retryAt: Date?, reason: String)
    /// Polling stopped (of everything, or of what `reason` names) after a failure retrying cannot
    /// mend; whatever data there is stays on screen.
    case stopped(reason: String)
}
