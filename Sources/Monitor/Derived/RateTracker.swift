import Foundation
import ProxyLiteAPI

/// Burn rates: the change in usage over the last 15 minutes of samples, once two samples are at
/// least a minute apart. Each account keeps at most five samples (anchors at least five
/// minutes apart, and the newest), so memory stays flat however long the monitor runs and however
/// often it polls; a restarted dashboard seeds them from its history.
///
/// Times are seconds on a monotonic clock (`Store`'s), never the wall clock: a clock stepped back
/// by NTP would shrink the time between two polls and turn an ordinary rate into a spike.
struct RateTracker: Sendable {
    struct Sample: Sendable, Equatable {
        var time: Double
        var bytes: Int64
    }

    /// Oldest first; the last one is the newest.
    struct Samples: Sendable {
        var items: [Sample]
        /// The poll (`generation`) that last listed the account.
        var seen: UInt32 = 0
    }

    /// The span a rate describes. A gap between polls longer than this (a suspended laptop, a long
    /// outage) starts over: no rate rather than an average over hours shown as if it were current.
    static let window: Double = 15 * 60
    /// Two samples closer than this give no rate: a minute's noise is not a burn rate.
    static let shortest: Double = 60
    /// Anchors are kept this far apart, so five cover the window.
    static let spacing: Double = 5 * 60

    private(set) var samples: [String: Samples] = [:]

    private var generation: UInt32 = 0

    /// Records this poll's usage for every account, forgetting accounts no longer listed. In
    /// place: a new table beside the old one would double 100 000 accounts' samples at every poll.
    /// A name listed twice has no rate while it is (its usage is two accounts', not one's).
    mutating func record(_ accounts: [SubAccount], at now: Double) {
        generation &+= 1
        var listed = 0
        samples.reserveCapacity(accounts.count)
        for account in accounts {
            let sample = Sample(time: now, bytes: account.usageBytes)
            Self.add(sample, to: &samples[account.username], generation: generation, listed: &listed)
        }
        if samples.count > listed { samples = samples.filter { $0.value.seen == generation } }
    }

    /// `adding`, on the table's own entry (its samples are changed where they are, not copied).
    private static func add(_ sample: Sample, to entry: inout Samples?, generation: UInt32, listed: inout Int) {
        guard entry?.seen != generation else {
            entry = Samples(items: [sample], seen: generation)  // listed twice: no rate
            return
        }
        listed += 1
        guard let newest = entry?.items.last, sample.bytes >= newest.bytes, sample.time > newest.time,
            sample.time - newest.time <= window
        else {
            entry = Samples(items: [sample], seen: generation)
            return
        }
        entry!.seen = generation
        entry!.items.removeAll { sample.time - $0.time > window }
        let count = entry!.items.count
        if count >= 2, newest.time - entry!.items[count - 2].time < spacing { entry!.items.removeLast() }
        entry!.items.append(sample)
    }

    /// Samples from before this process (the history's), oldest first; the next poll adds to them.
    mutating func seed(_ username: String, _ earlier: [Sample]) {
        var entry: Samples?
        for sample in earlier.sorted(by: { $0.time < $1.time }) { entry = Self.adding(sample, to: entry) }
        samples[username] = entry
    }

    private static func adding(_ sample: Sample, to entry: Samples?) -> Samples {
        // New, re-created (usage went down), the same instant or earlier, or after a long gap: start over.
        guard var entry, let newest = entry.items.last, sample.bytes >= newest.bytes, sample.time > newest.time,
            sample.time - newest.time <= window
        else { return Samples(items: [sample]) }
        entry.items.removeAll { sample.time - $0.time > window }
        // The newest becomes an anchor when it is far enough from the one before; else it is replaced.
        if entry.items.count >= 2, newest.time - entry.items[entry.items.count - 2].time < spacing {
            entry.items.removeLast()
        }
        entry.items.append(sample)
        return entry
    }

    /// Bytes per second between the oldest sample of the window and the newest, or nil before two
    /// samples a minute apart.
    func rate(_ username: String) -> Double? {
        guard let items = samples[username]?.items, let first = items.first, let last = items.last,
            last.time - first.time >= Self.shortest
        else { return nil }
        // Saturating: two samples near the limits of Int64 must not trap; the rate is then huge, not a crash.
        return Double(last.bytes.subtractingSaturated(first.bytes)) / (last.time - first.time)
    }

    /// Samples held, for tests of bounded memory.
    var sampleCount: Int { samples.values.reduce(0) { $0 + $1.items.count } }
}
