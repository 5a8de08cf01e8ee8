import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import Exporter

/// What each metric reads, its labels, and when it is absent rather than 0.
@Suite struct ExpositionTests {
    let now = ExporterFixtures.now
    let gib = Double(ExporterFixtures.gib)

    private func scrape(_ snapshot: Snapshot, cardinality: MetricsCardinality = .default) throws -> ExpositionText {
        let exporter = MetricsExporter(cardinality: cardinality)
        exporter.update(profile: "main", snapshot: snapshot)
        return try ExpositionText(exporter.exposition(now: now))
    }

    @Test func accountSeriesReadTheAccount() throws {
        let text = try scrape(ExporterFixtures.everything())
        let alpha = ["profile": "main", "username": "alpha"]
        #expect(text.value("proxylite_account_usage_bytes", alpha) == 4 * gib)
        #expect(text.value("proxylite_account_limit_bytes", alpha) == 10 * gib)
        #expect(text.value("proxylite_account_rate_bytes_per_second", alpha) == 1_048_576)
        #expect(text.value("proxylite_account_seconds_to_limit", alpha) == Double(6 * 1024))
        #expect(text.value("proxylite_account_enabled", alpha) == 1)
        #expect(text.value("proxylite_account_enabled", ["profile": "main", "username": "gamma"]) == 0)
    }

    @Test func unlimitedAndIdleAccountsHaveNoLimitOrTimeToIt() throws {
        let text = try scrape(ExporterFixtures.everything())
        let beta = ["profile": "main", "username": "beta"]  // unlimited, 2 KB/s
        #expect(text.value("proxylite_account_usage_bytes", beta) == 2 * gib)
        #expect(text.value("proxylite_account_limit_bytes", beta) == nil)
        #expect(text.value("proxylite_account_seconds_to_limit", beta) == nil)
        #expect(text.value("proxylite_account_rate_bytes_per_second", beta) == 2048)
        let gamma = ["profile": "main", "username": "gamma"]  // limited, idle: a known rate of 0
        #expect(text.value("proxylite_account_rate_bytes_per_second", gamma) == 0)
        #expect(text.value("proxylite_account_seconds_to_limit", gamma) == nil)
        #expect(text.value("proxylite_account_limit_bytes", gamma) == 10 * gib)
    }

    @Test func aRateIsAbsentUntilKnown() throws {
        let text = try scrape(ExporterFixtures.snapshot(accounts: [ExporterFixtures.row(ExporterFixtures.account("fresh"))]))
        let fresh = ["profile": "main", "username": "fresh"]
        #expect(text.value("proxylite_account_usage_bytes", fresh) == gib)
        #expect(text.value("proxylite_account_rate_bytes_per_second", fresh) == nil)
        #expect(text.value("proxylite_account_seconds_to_limit", fresh) == nil)
    }

    @Test func unreadableValuesAreAbsentNotZero() throws {
        let rows = [
            ExporterFixtures.row(ExporterFixtures.account("nousage", fields: #""usage_flow":"lots""#), rate: 500),
            ExporterFixtures.row(ExporterFixtures.account("nolimit", fields: #""limit_flow":{"x":1}"#), rate: 500),
            ExporterFixtures.row(ExporterFixtures.account("nostatus", fields: #""status":"on""#), rate: 500),
            ExporterFixtures.row(ExporterFixtures.account("", usageGB: 99)),
        ]
        #expect(rows[0].account.unreadable.contains("usage_flow"))
        #expect(rows[1].account.unreadable.contains("limit_flow"))
        #expect(rows[2].account.unreadable.contains("status"))
        let text = try scrape(ExporterFixtures.snapshot(accounts: rows))

        let noUsage = ["profile": "main", "username": "nousage"]
        #expect(text.value("proxylite_account_usage_bytes", noUsage) == nil)
        #expect(text.value("proxylite_account_rate_bytes_per_second", noUsage) == nil)
        #expect(text.value("proxylite_account_seconds_to_limit", noUsage) == nil)
        #expect(text.value("proxylite_account_limit_bytes", noUsage) == 10 * gib)
        #expect(text.value("proxylite_account_enabled", noUsage) == 1)

        let noLimit = ["profile": "main", "username": "nolimit"]
        #expect(text.value("proxylite_account_limit_bytes", noLimit) == nil)
        #expect(text.value("proxylite_account_seconds_to_limit", noLimit) == nil)
        #expect(text.value("proxylite_account_usage_bytes", noLimit) == gib)

        #expect(text.value("proxylite_account_enabled", ["profile": "main", "username": "nostatus"]) == nil)
        // A row without a username cannot be named by a label at all.
        #expect(text.samples("proxylite_account_usage_bytes", ["username": ""]).isEmpty)
        #expect(text.samples("proxylite_account_usage_bytes").count == 2)
    }

    @Test func expiriesCountFromTheScrapeAndGoNegativeOnceExpired() throws {
        let snapshot = ExporterFixtures.snapshot(
            staticIPs: [
                ExporterFixtures.staticIP("203.0.113.1", days: 2), ExporterFixtures.staticIP("203.0.113.2", days: -1.5),
                Fixtures.decode(StaticIP.self, #"{"id":3,"ip":"203.0.113.3","expired_at":{"x":1}}"#),
                Fixtures.decode(StaticIP.self, #"{"id":4,"ip":"203.0.113.4"}"#),
            ],
            packages: [
                ExporterFixtures.package(id: 501, days: 5), ExporterFixtures.package(id: 502, days: -3),
                Fixtures.decode(PurchasedPackage.self, #"{"id":503,"expired_at":{"x":1}}"#),
            ])
        let text = try scrape(snapshot)
        #expect(text.value("proxylite_static_ip_expiry_seconds", ["profile": "main", "ip": "203.0.113.1"]) == Double(2 * 86_400))
        #expect(text.value("proxylite_static_ip_expiry_seconds", ["profile": "main", "ip": "203.0.113.2"]) == -1.5 * 86_400)
        #expect(text.samples("proxylite_static_ip_expiry_seconds").count == 2)
        #expect(text.value("proxylite_package_expiry_seconds", ["profile": "main", "package": "501"]) == Double(5 * 86_400))
        #expect(text.value("proxylite_package_expiry_seconds", ["profile": "main", "package": "502"]) == Double(-3 * 86_400))
        #expect(text.samples("proxylite_package_expiry_seconds").count == 2)
    }

    @Test func accountWideTrafficComesFromTheSummary() throws {
        let text = try scrape(ExporterFixtures.everything())
        let main = ["profile": "main"]
        let kb = 1024.0
        #expect(text.value("proxylite_traffic_total_bytes", main) == 1_048_576 * kb)
        #expect(text.value("proxylite_traffic_left_bytes", main) == 524_288 * kb)
        #expect(text.value("proxylite_traffic_effective_total_bytes", main) == 786_432 * kb)
        #expect(text.value("proxylite_traffic_effective_used_bytes", main) == 262_144 * kb)
        #expect(text.value("proxylite_traffic_expiring_bytes", main) == 102_400 * kb)
        #expect(text.value("proxylite_traffic_expired_bytes", main) == 51_200 * kb)
        #expect(text.value("proxylite_traffic_used_bytes", main) == 473_088 * kb)
    }

    @Test func anUnreadableTotalIsAbsent() throws {
        let summary = Fixtures.decode(PackageSummary.self, #"{"total":"many","effective":1024,"temporary":[1]}"#)
        let text = try scrape(ExporterFixtures.snapshot(summary: summary))
        #expect(text.value("proxylite_traffic_total_bytes", ["profile": "main"]) == nil)
        #expect(text.value("proxylite_traffic_expiring_bytes", ["profile": "main"]) == nil)
        #expect(text.value("proxylite_traffic_left_bytes", ["profile": "main"]) == Double(1024 * 1024))
    }

    @Test func everyFamilyHasHelpAndType() throws {
        let exporter = MetricsExporter()
        exporter.update(profile: "main", snapshot: ExporterFixtures.everything())
        exporter.record(profile: "main", poll: PollReport(resource: .accounts, seconds: 0.2, at: now, errorKind: nil))
        exporter.record(profile: "main", poll: PollReport(resource: .summary, seconds: 20, at: now, errorKind: "timeout"))
        let text = try ExpositionText(exporter.exposition(now: now))
        let families = SeriesBook.families + [.pollDuration, .apiErrors, .lastSuccess, .pollingStopped]
        for family in families {
            #expect(text.helps[family.name] == family.help, "HELP of \(family.name)")
            let type = family == .pollDuration ? "histogram" : family == .apiErrors ? "counter" : "gauge"
            #expect(text.types[family.name] == type, "TYPE of \(family.name)")
        }
        #expect(Set(text.types.keys) == Set(families.map(\.name)))
        for sample in text.samples { #expect(sample.labels["profile"] == "main", "\(sample)") }
    }

    @Test func anEmptySnapshotHasOnlyThePollersSeries() throws {
        let exporter = MetricsExporter()
        #expect(exporter.exposition(now: now).isEmpty)
        exporter.update(profile: "main", snapshot: Snapshot())
        let text = try ExpositionText(exporter.exposition(now: now))
        #expect(text.samples.allSatisfy { $0.name.hasPrefix("proxylite_api_") })
        #expect(exporter.subjectSeriesCount == 0)
    }

    @Test func aProfileNameWithOddCharactersIsEscaped() throws {
        let exporter = MetricsExporter()
        exporter.update(profile: "team \"a\"\\b", snapshot: ExporterFixtures.everything())
        let text = try ExpositionText(exporter.exposition(now: now))
        #expect(text.value("proxylite_traffic_left_bytes", ["profile": "team \"a\"\\b"]) == Double(524_288 * 1024))
    }
}
