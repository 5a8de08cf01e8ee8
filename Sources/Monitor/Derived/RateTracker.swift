import Foundation
import ProxyLiteAPI

/// Burn rates from the change in usage between polls. Each account keeps two samples, the newest
/// and one from at least a poll earlier, inline in the table: memory stays flat and small however
/// long the monitor runs and however many accounts there are.
///
/// Times are seconds on a monotonic clock (`Store`'s), never the wall clock: a clock stepped back
/// by NTP would shrink the time between two polls and turn an ordinary rate into a spike.
struct RateTracker: Sendable {
    struct Samples: Sendable {
        var oldTime: Double
        var oldBytes: Int64
        var newTime: Double
        var newBytes: Int64
    }

    /// The oldest sample a rate may start from: a rate should describe now. A gap between polls
    /// longer than this (a suspended laptop, a long outage) starts over: no rate rather than an
    /// average over hours shown as if it were current.
    static let window: Double = 10 * 60

    private(set) var samples: [String: Samples] = [:]

    /// Records this poll's usage for every account, forgetting accounts no longer listed.
    mutating func record(_ accounts: [SubAccount], at now: Double) {
        var next: [String: Samples] = [:]
        next.reserveCapacity(accounts.count)
        for account in accounts {
            let username = account.username
            let bytes = account.usageBytes
            guard var entry = samples[username], bytes >= entry.newBytes, now > entry.newTime, now - entry.newTime <= Self.window
            else {
                // New, re-created (usage went down), the same instant, or after a long gap: start over.
                next[username] = Samples(oldTime: now, oldBytes: bytes, newTime: now, newBytes: bytes)
                continue
            }
            if now - entry.oldTime > Self.window || entry.oldTime == entry.newTime {
                entry.oldTime = entry.newTime
                entry.oldBytes = entry.newBytes
            }
            entry.newTime = now
            entry.newBytes = bytes
            next[username] = entry
        }
        samples = next
    }

    /// Bytes per second between the two samples, or nil before a second poll.
    func rate(_ username: String) -> Double? {
        guard let s = samples[username], s.newTime > s.oldTime else { return nil }
        // Saturating: two samples near the limits of Int64 must not trap; the rate is then huge, not a crash.
        return Double(s.newBytes.subtractingSaturated(s.oldBytes)) / (s.newTime - s.oldTime)
    }

    /// Samples held, for tests of bounded memory.
    var sampleCount: Int { samples.count * 2 }
}
