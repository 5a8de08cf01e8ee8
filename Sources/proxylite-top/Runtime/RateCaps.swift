import Foundation
import NIOConcurrencyHelpers
import ProxyLiteAPI

/// One rate cap per API host: profiles on the same host (two accounts of one brand) share it, so
/// the provider sees the dashboard's 2 requests a second however many profiles it watches there.
final class RateCaps: Sendable {
    private let caps = NIOLockedValueBox<[String: RateLimiter]>([:])
    private let requestsPerSecond: Double
    private let burst: Int

    init(requestsPerSecond: Double = 2, burst: Int = 4) {
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
    }

    /// The cap of `url`'s host (and port: two simulators on one machine are two hosts).
    func limiter(for url: URL) -> RateLimiter {
        let host = (url.host ?? "").lowercased() + (url.port.map { ":\($0)" } ?? "")
        return caps.withLockedValue { caps in
            if let cap = caps[host] { return cap }
            let cap = RateLimiter(requestsPerSecond: requestsPerSecond, burst: burst)
            caps[host] = cap
            return cap
        }
    }
}
