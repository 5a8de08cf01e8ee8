import Foundation
import Monitor
import NIOConcurrencyHelpers
import Prometheus

/// Turns the newest snapshot of every profile, and the pollers' reports, into the Prometheus
/// text format.
///
/// Snapshots arrive with every poll and are only kept (`update` is a dictionary store); the
/// registries are brought in line with them when Prometheus asks (`exposition`), so a poll costs
/// nothing however many accounts there are, and a scrape pays once for all the polls since the
/// last one. Safe to call from any thread.
///
/// ```swift
/// let exporter = MetricsExporter(cardinality: .top(100))
/// exporter.update(profile: "main", snapshot: snapshot)
/// let server = try await MetricsServer.start(exporter: exporter, host: "127.0.0.1", port: 9464, logger: logger)
/// ```
public final class MetricsExporter: Sendable {
    public let cardinality: MetricsCardinality
    /// The pollers' series (the per-subject ones are in `book`'s registries).
    private let registry = PrometheusCollectorRegistry()

    private struct State: Sendable {
        var snapshots: [String: Snapshot] = [:]
        var polls: [String: PollSeries] = [:]

        /// Starts the profile's poll series the first time it is seen.
        mutating func polls(of profile: String, in registry: PrometheusCollectorRegistry) {
            if polls[profile] == nil { polls[profile] = PollSeries(profile: profile, registry: registry, firstSeen: Date()) }
        }
    }
    private let state = NIOLockedValueBox(State())
    /// Held for a whole scrape: two scrapes at once would make and drop each other's gauges.
    private let book: NIOLockedValueBox<SeriesBook>

    public init(cardinality: MetricsCardinality = .default) {
        self.cardinality = cardinality
        book = NIOLockedValueBox(SeriesBook(cardinality: cardinality))
    }

    /// Keeps `snapshot` as the profile's newest; the series follow at the next scrape.
    public func update(profile: String, snapshot: Snapshot) {
        state.withLockedValue { state in
            state.snapshots[profile] = snapshot
            state.polls(of: profile, in: registry)
        }
    }

    /// Counts one finished poll: its duration, its failure's kind, or the time of its success.
    public func record(profile: String, poll report: PollReport) {
        state.withLockedValue { state in
            state.polls(of: profile, in: registry)
            state.polls[profile]?.record(report)
        }
    }

    /// Forgets a profile that is no longer watched: its poll series go now, its subjects' series
    /// at the next scrape.
    public func remove(profile: String) {
        state.withLockedValue { state in
            state.snapshots[profile] = nil
            state.polls.removeValue(forKey: profile)?.unregister()
        }
    }

    /// The metrics in the Prometheus text format (version 0.0.4), as of `now` (the expiry
    /// series count from it).
    public func exposition(now: Date = Date()) -> [UInt8] {
        book.withLockedValue { book in
            let snapshots = state.withLockedValue { state in
                for (profile, snapshot) in state.snapshots {
                    if case .stopped = snapshot.connection {
                        state.polls[profile]?.setStopped(true)
                    } else {
                        state.polls[profile]?.setStopped(false)
                    }
                }
                return state.snapshots
            }
            var readings: [SubjectReading] = []
            for (profile, snapshot) in snapshots {
                readings += Self.readings(of: snapshot, profile: profile, limit: cardinality.limit, now: now)
            }
            book.sync(readings)
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            book.emit(into: &buffer)
            return buffer
        }
    }

    /// How many per-subject series the last scrape showed (the benchmark reports it).
    var subjectSeriesCount: Int { book.withLockedValue { $0.seriesCount } }

    private static func readings(of snapshot: Snapshot, profile: String, limit: Int?, now: Date) -> [SubjectReading] {
        var readings: [SubjectReading] = []
        if let summary = snapshot.summary.value { readings.append(TrafficReadings.reading(summary, profile: profile)) }
        if let rows = snapshot.accounts.value { readings += AccountReadings.readings(rows, profile: profile, limit: limit) }
        if let ips = snapshot.staticIPs.value { readings += ExpiryReadings.staticIPs(ips, profile: profile, limit: limit, now: now) }
        if let packages = snapshot.packages.value {
            readings += ExpiryReadings.packages(packages, profile: profile, limit: limit, now: now)
        }
        return readings
    }
}
