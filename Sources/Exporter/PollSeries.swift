import Foundation
import Monitor
import Prometheus

/// The pollers' own series for one profile: how long polls take, how they fail, and when one
/// last succeeded. Fed as polls finish (not at scrape time: each poll counts once, and a
/// histogram cannot be rebuilt from a snapshot).
struct PollSeries {
    /// Up to 30 s: the default request timeout is 20 s, and a poll that pages through 100 000
    /// accounts takes several requests.
    static let durationBuckets: [Double] = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30]

    private var durations: [Resource: ValueHistogram] = [:]
    private var errors: [String: Counter] = [:]
    private var lastSuccess: Gauge?

    mutating func record(_ report: PollReport, profile: String, in registry: PrometheusCollectorRegistry) {
        let histogram =
            durations[report.resource]
            ?? registry.makeValueHistogram(
                descriptor: MetricFamily.pollDuration.descriptor, labels: [("profile", profile), ("resource", report.resource.rawValue)],
                buckets: Self.durationBuckets)
        durations[report.resource] = histogram
        histogram.record(max(0, report.seconds))

        if let kind = report.errorKind {
            let counter =
                errors[kind]
                ?? registry.makeCounter(descriptor: MetricFamily.apiErrors.descriptor, labels: [("profile", profile), ("kind", kind)])
            errors[kind] = counter
            counter.increment()
        } else {
            let gauge =
                lastSuccess
                ?? registry.makeGauge(descriptor: MetricFamily.lastSuccess.descriptor, labels: [("profile", profile)])
            lastSuccess = gauge
            gauge.set(to: report.at.timeIntervalSince1970)
        }
    }

    /// Takes every series of the profile out of the registry.
    func unregister(from registry: PrometheusCollectorRegistry) {
        for histogram in durations.values { registry.unregisterValueHistogram(histogram) }
        for counter in errors.values { registry.unregisterCounter(counter) }
        if let lastSuccess { registry.unregisterGauge(lastSuccess) }
    }
}
