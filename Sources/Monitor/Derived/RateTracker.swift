import Foundation

/// Burn rates from the change in usage between polls, with a fixed history per account so that
/// memory stays flat however long the monitor runs.
struct RateTracker: Sendable {
    struct Sample: Sendable {
        var time: Date
        var bytes: Int64
    }

    /// Samples kept per account.
    static let depth = 6
    /// Samples older than this do not count: a rate should describe now.
    static let window: TimeInterval = 15 * 60

    private(set) var samples: [String: [Sample]] = [:]

    /// Records this poll's usage for every account, forgetting accounts no longer listed.
    mutating func record(_ usage: [(username: String, bytes: Int64)], at now: Date) {
        var next: [String: [Sample]] = [:]
        next.reserveCapacity(usage.count)
        for (username, bytes) in usage {
            var history = samples[username] ?? []
            if let last = history.last, bytes < last.bytes { history.removeAll() }  // reset or re-created
            if let last = history.last, last.time == now { history.removeLast() }
            history.append(Sample(time: now, bytes: bytes))
            history.removeAll { now.timeIntervalSince($0.time) > Self.window }
            if history.count > Self.depth { history.removeFirst(history.count - Self.depth) }
            next[username] = history
        }
        samples = next
    }

    /// Bytes per second over the kept history, or nil with fewer than two samples.
    func rate(_ username: String) -> Double? {
        guard let history = samples[username], let first = history.first, let last = history.last,
            last.time > first.time
        else { return nil }
        return Double(last.bytes - first.bytes) / last.time.timeIntervalSince(first.time)
    }
}
