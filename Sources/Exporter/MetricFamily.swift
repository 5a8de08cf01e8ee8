import Prometheus

/// A metric's name and help text, written once: the registry refuses a second help text for a
/// name, and the README, the alert rules and the Grafana dashboard refer to these names.
struct MetricFamily: Sendable, Hashable {
    let name: String
    let help: String
    /// The label that names the subject (after `profile`), nil for account-wide families.
    let subjectLabel: String?

    /// The whole name is the metric name: the unit is already in it, as Prometheus names go.
    var descriptor: MetricNameDescriptor { MetricNameDescriptor(metricName: name, unitName: "", helpText: help) }
}

extension MetricFamily {
    // Per sub-account, labelled `username`; in `AccountReading`'s order.
    static let accountUsage = MetricFamily(
        name: "proxylite_account_usage_bytes",
        help: "Traffic the sub-account has used, in bytes, as the provider reports it (its figures lag up to about 5 minutes).",
        subjectLabel: "username")
    static let accountLimit = MetricFamily(
        name: "proxylite_account_limit_bytes", help: "The sub-account's traffic limit in bytes; absent when it has none.",
        subjectLabel: "username")
    static let accountRate = MetricFamily(
        name: "proxylite_account_rate_bytes_per_second",
        help: "Traffic the sub-account used per second between recent polls; absent until two polls have been seen.",
        subjectLabel: "username")
    static let accountSecondsToLimit = MetricFamily(
        name: "proxylite_account_seconds_to_limit",
        help: "Seconds until the sub-account reaches its limit at its current rate; absent when it has no limit or is idle.",
        subjectLabel: "username")
    static let accountEnabled = MetricFamily(
        name: "proxylite_account_enabled", help: "1 when the sub-account is enabled, 0 when it is disabled.", subjectLabel: "username")

    static let staticIPExpiry = MetricFamily(
        name: "proxylite_static_ip_expiry_seconds",
        help: "Seconds until the static IP expires, at the moment of the scrape; negative once it has expired.", subjectLabel: "ip")
    static let packageExpiry = MetricFamily(
        name: "proxylite_package_expiry_seconds",
        help: "Seconds until the purchased package (by its id) expires, at the moment of the scrape; negative once it has expired.",
        subjectLabel: "package")

    // Account-wide, from user-product/summary; in `TrafficReading`'s order.
    static let trafficTotal = MetricFamily(
        name: "proxylite_traffic_total_bytes", help: "Traffic of every purchased package, in bytes.", subjectLabel: nil)
    static let trafficLeft = MetricFamily(
        name: "proxylite_traffic_left_bytes", help: "Traffic left in the packages still valid, in bytes.", subjectLabel: nil)
    static let trafficEffectiveTotal = MetricFamily(
        name: "proxylite_traffic_effective_total_bytes", help: "Traffic bought in the packages still valid, in bytes.",
        subjectLabel: nil)
    static let trafficEffectiveUsed = MetricFamily(
        name: "proxylite_traffic_effective_used_bytes", help: "Traffic used of the packages still valid, in bytes.",
        subjectLabel: nil)
    static let trafficExpiring = MetricFamily(
        name: "proxylite_traffic_expiring_bytes", help: "Traffic left in packages that expire within 7 days, in bytes.",
        subjectLabel: nil)
    static let trafficExpired = MetricFamily(
        name: "proxylite_traffic_expired_bytes", help: "Traffic of the packages that have expired, in bytes.", subjectLabel: nil)
    static let trafficUsed = MetricFamily(
        name: "proxylite_traffic_used_bytes", help: "Traffic used of every purchased package, in bytes.", subjectLabel: nil)

    // Of the pollers, labelled `profile` only (plus their own labels).
    static let pollDuration = MetricFamily(
        name: "proxylite_api_poll_duration_seconds", help: "Time one poll of a resource took, failed polls included.",
        subjectLabel: nil)
    static let apiErrors = MetricFamily(
        name: "proxylite_api_errors_total", help: "Polls that failed, by kind of failure.", subjectLabel: nil)
    static let pollingStopped = MetricFamily(
        name: "proxylite_api_polling_stopped",
        help:
            "1 while the profile's polling is stopped after a failure retrying cannot mend (a rejected key, an unverified account): until the key is fixed and serve gets SIGHUP. 0 otherwise.",
        subjectLabel: nil)
    static let lastSuccess = MetricFamily(
        name: "proxylite_api_last_success_timestamp_seconds",
        help: "Unix time of the profile's last successful poll of any resource; until one succeeds, when the exporter began watching it.",
        subjectLabel: nil)
}
