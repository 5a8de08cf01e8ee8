import Foundation
import Monitor
import Prometheus
import ProxyLiteAPI

/// The pollers' own series for one profile: how long polls take, how they fail, and when one
/// last succeeded. Fed as polls finish (not at scrape time: each poll counts once, and a
/// histogram cannot be rebuilt from a snapshot).
struct PollSeries: Sendable {
    /// Up to 30 s: the default request timeout is 20 s, and a poll that pages through 100 000
    /// accounts takes several requests.
    static let durationBuckets: [Double] = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30]

    /// Every kind of failure, each counter shown at 0 from the start: a counter that first
    /// appears at 1 hides that first failure from `increase()`, which is what alerts use.
    static let errorKinds: [String] = [
        ProxyLiteError.Code.invalidAppKey, .notVerified, .badParameters, .rateLimited, .api(0), .httpStatus(0), .redirect(0), .timeout,
        .connectionRefused, .dnsFailure, .tlsFailure, .transport, .decoding, .cancelled,
    ].map(\.metricKind)

    private let profile: String
    private let registry: PrometheusCollectorRegistry
    private var durations: [Resource: ValueHistogram] = [:]
    private var errors: [String: Counter] = [:]
    private let lastSuccess: Gauge
    /// Read from the snapshot at scrape time: a stopped poller sends no more failures, so the
    /// error counter alone would look quiet again while nothing is polled.
    private let stopped: Gauge

    /// Starts the profile's series when it is first seen (its first snapshot or poll). Until a
    /// poll succeeds, the last success reads this moment, so "no success for 10 minutes" also
    /// catches a profile that has never reached the API.
    init(profile: String, registry: PrometheusCollectorRegistry, firstSeen: Date) {
        self.profile = profile
        self.registry = registry
        lastSuccess = registry.makeGauge(descriptor: MetricFamily.lastSuccess.descriptor, labels: [("profile", profile)])
        lastSuccess.set(to: firstSeen.timeIntervalSince1970)
        stopped = registry.makeGauge(descriptor: MetricFamily.pollingStopped.descriptor, labels: [("profile", profile)])
        stopped.set(to: 0)
        for kind in Self.errorKinds { _ = counter(kind) }
    }

    mutating func record(_ report: PollReport) {
        let histogram =
            durations[report.resource]
            ?? registry.makeValueHistogram(
                descriptor: MetricFamily.pollDuration.descriptor, labels: [("profile", profile), ("resource", report.resource.rawValue)],
                buckets: Self.durationBuckets)
        durations[report.resource] = histogram
        histogram.record(max(0, report.seconds))

        if let kind = report.errorKind {
            counter(kind).increment()
        } else {
            lastSuccess.set(to: report.at.timeIntervalSince1970)
        }
    }

    func setStopped(_ isStopped: Bool) { stopped.set(to: isStopped ? 1 : 0) }

    /// Takes every series of the profile out of the registry.
    func unregister() {
        registry.unregisterGauge(stopped)
        for histogram in durations.values { registry.unregisterValueHistogram(histogram) }
        for counter in errors.values { registry.unregisterCounter(counter) }
        registry.unregisterGauge(lastSuccess)
    }

    private mutating func counter(_ kind: String) -> Counter {
        if let counter = errors[kind] { return counter }
        let counter = registry.makeCounter(descriptor: MetricFamily.apiErrors.descriptor, labels: [("profile", profile), ("kind", kind)])
        errors[kind] = counter
        return counter
    }
}
