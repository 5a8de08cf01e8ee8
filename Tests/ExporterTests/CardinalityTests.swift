import Foundation
import Monitor
import ProxyLiteAPI
import Testing

@testable import Exporter

/// Which subjects get series (top N by usage, the N soonest to expire, all, none) and that the
/// series of subjects that leave are gone at the next scrape.
@Suite struct CardinalityTests {
    let now = ExporterFixtures.now

    private func accounts(_ usages: [(String, Double)]) -> [AccountRow] {
        usages.map { ExporterFixtures.row(ExporterFixtures.account($0.0, usageGB: $0.1), rate: 10) }
    }

    private func usernames(_ text: ExpositionText) -> Set<String> {
        Set(text.samples("proxylite_account_usage_bytes").compactMap { $0.labels["username"] })
    }

    @Test func topNKeepsTheHighestUsage() throws {
        let exporter = MetricsExporter(cardinality: .top(2))
        exporter.update(
            profile: "main", snapshot: ExporterFixtures.snapshot(accounts: accounts([("a", 1), ("b", 5), ("c", 3), ("d", 0.5)])))
        let text = try ExpositionText(exporter.exposition(now: now))
        #expect(usernames(text) == ["b", "c"])
        // Every account family follows the same choice.
        for family in ["proxylite_account_limit_bytes", "proxylite_account_rate_bytes_per_second", "proxylite_account_enabled"] {
            #expect(Set(text.samples(family).compactMap { $0.labels["username"] }) == ["b", "c"], "\(family)")
        }
    }

    @Test func tiesAreBrokenByNameSoTheChoiceHolds() throws {
        let exporter = MetricsExporter(cardinality: .top(2))
        exporter.update(profile: "main", snapshot: ExporterFixtures.snapshot(accounts: accounts([("z", 0), ("y", 0), ("x", 0)])))
        #expect(usernames(try ExpositionText(exporter.exposition(now: now))) == ["x", "y"])
        exporter.update(profile: "main", snapshot: ExporterFixtures.snapshot(accounts: accounts([("x", 0), ("z", 0), ("y", 0)])))
        #expect(usernames(try ExpositionText(exporter.exposition(now: now))) == ["x", "y"])
    }

    @Test func anUnreadableUsageRanksLast() throws {
        let rows = [
            ExporterFixtures.row(ExporterFixtures.account("broken", fields: #""usage_flow":"x""#)),
            ExporterFixtures.row(ExporterFixtures.account("small", usageGB: 0)),
        ]
        let exporter = MetricsExporter(cardinality: .top(1))
        exporter.update(profile: "main", snapshot: ExporterFixtures.snapshot(accounts: rows))
        let text = try ExpositionText(exporter.exposition(now: now))
        #expect(Set(text.samples("proxylite_account_enabled").compactMap { $0.labels["username"] }) == ["small"])
    }

    @Test func aSharedUsernameGivesOneSeriesTheHigherUsage() throws {
        let exporter = MetricsExporter(cardinality: .all)
        exporter.update(profile: "main", snapshot: ExporterFixtures.snapshot(accounts: accounts([("twin", 1), ("twin", 3), ("solo", 2)])))
        let text = try ExpositionText(exporter.exposition(now: now))
        #expect(text.samples("proxylite_account_usage_bytes", ["username": "twin"]).map(\.value) == [3 * Double(ExporterFixtures.gib)])

        let top = MetricsExporter(cardinality: .top(2))
        top.update(profile: "main", snapshot: ExporterFixtures.snapshot(accounts: accounts([("twin", 1), ("twin", 3), ("solo", 2)])))
        // The lesser twin does not take a place of the two.
        #expect(usernames(try ExpositionText(top.exposition(now: now))) == ["twin", "solo"])
    }

    @Test func expiriesKeepTheSoonestThenTheRecentlyExpired() throws {
        let ips = [
            ExporterFixtures.staticIP("10.0.0.1", days: 30), ExporterFixtures.staticIP("10.0.0.2", days: 1),
            ExporterFixtures.staticIP("10.0.0.3", days: -400), ExporterFixtures.staticIP("10.0.0.4", days: -2),
            ExporterFixtures.staticIP("10.0.0.5", days: 10),
        ]
        let packages = [
            ExporterFixtures.package(id: 1, days: -1), ExporterFixtures.package(id: 2, days: 3),
            ExporterFixtures.package(id: 3, days: 9),
        ]
        func chosen(_ cardinality: MetricsCardinality) throws -> (ips: Set<String>, packages: Set<String>) {
            let exporter = MetricsExporter(cardinality: cardinality)
            exporter.update(profile: "main", snapshot: ExporterFixtures.snapshot(staticIPs: ips, packages: packages))
            let text = try ExpositionText(exporter.exposition(now: now))
            return (
                Set(text.samples("proxylite_static_ip_expiry_seconds").compactMap { $0.labels["ip"] }),
                Set(text.samples("proxylite_package_expiry_seconds").compactMap { $0.labels["package"] })
            )
        }
        #expect(try chosen(.top(2)).ips == ["10.0.0.2", "10.0.0.5"])
        #expect(try chosen(.top(2)).packages == ["2", "3"])
        #expect(try chosen(.top(4)).ips == ["10.0.0.2", "10.0.0.5", "10.0.0.1", "10.0.0.4"])
        #expect(try chosen(.top(3)).packages == ["1", "2", "3"])
        #expect(try chosen(.all).ips.count == 5)
    }

    @Test func noneKeepsOnlyTheAccountWideSeries() throws {
        let exporter = MetricsExporter(cardinality: .none)
        exporter.update(profile: "main", snapshot: ExporterFixtures.everything())
        exporter.record(profile: "main", poll: PollReport(resource: .accounts, seconds: 1, at: now, errorKind: nil))
        let text = try ExpositionText(exporter.exposition(now: now))
        #expect(text.samples.allSatisfy { $0.labels.keys.sorted() == ["profile"] || $0.name.hasPrefix("proxylite_api_") })
        #expect(text.value("proxylite_traffic_left_bytes", ["profile": "main"]) != nil)
        #expect(text.samples("proxylite_account_usage_bytes").isEmpty)
        #expect(text.samples("proxylite_static_ip_expiry_seconds").isEmpty)
        #expect(text.value("proxylite_api_last_success_timestamp_seconds", ["profile": "main"]) == now.timeIntervalSince1970)
    }

    @Test func subjectsThatLeaveLoseTheirSeries() throws {
        let exporter = MetricsExporter(cardinality: .top(2))
        exporter.update(
            profile: "main",
            snapshot: ExporterFixtures.snapshot(
                accounts: accounts([("a", 3), ("b", 2), ("c", 1)]),
                staticIPs: [ExporterFixtures.staticIP("10.0.0.1", days: 1), ExporterFixtures.staticIP("10.0.0.2", days: 2)]))
        var text = try ExpositionText(exporter.exposition(now: now))
        #expect(usernames(text) == ["a", "b"])
        #expect(text.samples("proxylite_static_ip_expiry_seconds").count == 2)
        #expect(exporter.subjectSeriesCount == 2 * 5 + 2)

        // a is deleted, c overtakes b; one IP is gone; b's limit became unreadable.
        let rows = [
            ExporterFixtures.row(ExporterFixtures.account("b", usageGB: 2, fields: #""limit_flow":"?""#), rate: 10),
            ExporterFixtures.row(ExporterFixtures.account("c", usageGB: 5), rate: 10),
            ExporterFixtures.row(ExporterFixtures.account("d", usageGB: 0.1), rate: 10),
        ]
        exporter.update(
            profile: "main",
            snapshot: ExporterFixtures.snapshot(accounts: rows, staticIPs: [ExporterFixtures.staticIP("10.0.0.2", days: 2)]))
        text = try ExpositionText(exporter.exposition(now: now))
        #expect(usernames(text) == ["b", "c"])
        #expect(text.samples(for: "a").isEmpty)
        #expect(text.samples(for: "d").isEmpty)
        #expect(text.value("proxylite_account_limit_bytes", ["profile": "main", "username": "b"]) == nil)
        #expect(text.value("proxylite_account_usage_bytes", ["profile": "main", "username": "c"]) == 5 * Double(ExporterFixtures.gib))
        #expect(text.samples("proxylite_static_ip_expiry_seconds").map { $0.labels["ip"] } == ["10.0.0.2"])
        #expect(exporter.subjectSeriesCount == 3 + 5 + 1)

        // Nothing in the snapshot at all: every subject's series go.
        exporter.update(profile: "main", snapshot: ExporterFixtures.snapshot(staticIPs: []))
        text = try ExpositionText(exporter.exposition(now: now))
        #expect(text.samples.allSatisfy { $0.name.hasPrefix("proxylite_api_") })
        #expect(exporter.subjectSeriesCount == 0)
    }

    @Test func profilesAreIndependentAndRemovable() throws {
        let exporter = MetricsExporter(cardinality: .top(1))
        exporter.update(profile: "one", snapshot: ExporterFixtures.everything())
        exporter.update(profile: "two", snapshot: ExporterFixtures.snapshot(accounts: accounts([("zed", 1)])))
        exporter.record(profile: "one", poll: PollReport(resource: .accounts, seconds: 1, at: now, errorKind: "timeout"))
        exporter.record(profile: "two", poll: PollReport(resource: .accounts, seconds: 1, at: now, errorKind: nil))
        var text = try ExpositionText(exporter.exposition(now: now))
        // Each profile gets its own top N.
        #expect(text.samples("proxylite_account_usage_bytes", ["profile": "one"]).map { $0.labels["username"] } == ["gamma"])
        #expect(text.samples("proxylite_account_usage_bytes", ["profile": "two"]).map { $0.labels["username"] } == ["zed"])

        exporter.remove(profile: "one")
        text = try ExpositionText(exporter.exposition(now: now))
        #expect(text.samples.allSatisfy { $0.labels["profile"] == "two" })
        #expect(!text.samples("proxylite_api_poll_duration_seconds_count", ["profile": "two"]).isEmpty)
        #expect(!text.samples("proxylite_api_errors_total", ["profile": "two"]).isEmpty)
    }
}

extension ExpositionText {
    /// Every sample of one username, whatever the family.
    func samples(for username: String) -> [Sample] { samples.filter { $0.labels["username"] == username } }
}
