import ProxyLiteAPI

/// The account-wide totals from user-product/summary: one subject per profile, kept whatever
/// the cardinality (seven series a profile, and the ones a team watches first).
enum TrafficReadings {
    static func reading(_ summary: PackageSummary, profile: String) -> SubjectReading {
        // The wire names, which `unreadable` lists: a total the API sent unreadable is absent, not 0.
        func value(_ bytes: Int64, _ wire: String) -> Double? { summary.unreadable.contains(wire) ? nil : Double(bytes) }
        return SubjectReading(
            key: SubjectKey(profile: profile, kind: .traffic, id: ""),
            values: [
                value(summary.totalBytes, "total"), value(summary.effectiveBytes, "effective"),
                value(summary.effectiveTotalBytes, "effective_total"), value(summary.effectiveUsedBytes, "effective_used"),
                value(summary.expiringBytes, "temporary"), value(summary.expiredBytes, "expired"), value(summary.usedBytes, "used"),
            ])
    }
}
