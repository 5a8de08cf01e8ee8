import Foundation
import Monitor
import ProxyLiteAPI
import Testing

@testable import Exporter

/// The pollers' own series: the duration histogram, the error counter, the last success.
@Suite struct PollMetricsTests {
    let now = ExporterFixtures.now

    @Test func pollsFillTheHistogramTheCounterAndTheLastSuccess() throws {
        let exporter = MetricsExporter()
        exporter.record(profile: "main", poll: PollReport(resource: .accounts, seconds: 0.3, at: now, errorKind: nil))
        exporter.record(profile: "main", poll: PollReport(resource: .accounts, seconds: 7, at: now.addingTimeInterval(60), errorKind: nil))
        exporter.record(
            profile: "main", poll: PollReport(resource: .staticIPs, seconds: 20.5, at: now.addingTimeInterval(90), errorKind: "timeout"))
        exporter.record(
            profile: "main", poll: PollReport(resource: .staticIPs, seconds: 0.01, at: now.addingTimeInterval(95), errorKind: "timeout"))
        exporter.record(
            profile: "main", poll: PollReport(resource: .summary, seconds: 0.2, at: now.addingTimeInterval(99), errorKind: "key_rejected"))
        let text = try ExpositionText(exporter.exposition(now: now))

        let accounts = ["profile": "main", "resource": "accounts"]
        #expect(text.value("proxylite_api_poll_duration_seconds_count", accounts) == 2)
        #expect(text.value("proxylite_api_poll_duration_seconds_sum", accounts) == 7.3)
        #expect(text.value("proxylite_api_poll_duration_seconds_bucket", accounts.merging(["le": "0.5"]) { $1 }) == 1)
        #expect(text.value("proxylite_api_poll_duration_seconds_bucket", accounts.merging(["le": "10.0"]) { $1 }) == 2)
        #expect(text.value("proxylite_api_poll_duration_seconds_bucket", accounts.merging(["le": "+Inf"]) { $1 }) == 2)
        let ips = ["profile": "main", "resource": "static_ips"]
        #expect(text.value("proxylite_api_poll_duration_seconds_count", ips) == 2)
        #expect(text.value("proxylite_api_poll_duration_seconds_bucket", ips.merging(["le": "30.0"]) { $1 }) == 2)

        #expect(text.value("proxylite_api_errors_total", ["profile": "main", "kind": "timeout"]) == 2)
        #expect(text.value("proxylite_api_errors_total", ["profile": "main", "kind": "key_rejected"]) == 1)
        // The last success is the accounts poll a minute in; failures after it do not move it.
        #expect(
            text.value("proxylite_api_last_success_timestamp_seconds", ["profile": "main"]) == now.timeIntervalSince1970 + 60)
    }

    /// A stopped poller sends no more failures; the gauge says it is stopped for as long as it is.
    @Test func aStoppedPollerIsShownUntilItResumes() throws {
        let exporter = MetricsExporter()
        var snapshot = Snapshot(source: "main")
        exporter.update(profile: "main", snapshot: snapshot)
        #expect(try ExpositionText(exporter.exposition(now: now)).value("proxylite_api_polling_stopped", ["profile": "main"]) == 0)
        snapshot.accounts.lastError = ProxyLiteError(.invalidAppKey, endpoint: "whitelist-account/list", message: "key rejected")
        snapshot.accounts.stopped = true
        exporter.update(profile: "main", snapshot: snapshot)
        #expect(try ExpositionText(exporter.exposition(now: now)).value("proxylite_api_polling_stopped", ["profile": "main"]) == 1)
        snapshot.accounts.stopped = false
        snapshot.accounts.lastError = nil
        exporter.update(profile: "main", snapshot: snapshot)
        #expect(try ExpositionText(exporter.exposition(now: now)).value("proxylite_api_polling_stopped", ["profile": "main"]) == 0)
    }

    @Test func aProfileThatNeverSucceededReadsWhenItWasFirstSeen() throws {
        let exporter = MetricsExporter()
        let before = Date().timeIntervalSince1970
        exporter.update(profile: "main", snapshot: Snapshot())
        let after = Date().timeIntervalSince1970
        exporter.record(profile: "main", poll: PollReport(resource: .accounts, seconds: 1, at: now, errorKind: "connection_refused"))
        let text = try ExpositionText(exporter.exposition(now: now))
        let firstSeen = try #require(text.value("proxylite_api_last_success_timestamp_seconds", ["profile": "main"]))
        #expect(firstSeen >= before.rounded(.down) && firstSeen <= after.rounded(.up))
        #expect(text.value("proxylite_api_errors_total", ["profile": "main", "kind": "connection_refused"]) == 1)
    }

    @Test func everyKindOfFailureStartsAtZero() throws {
        let exporter = MetricsExporter()
        exporter.update(profile: "main", snapshot: Snapshot())
        let text = try ExpositionText(exporter.exposition(now: now))
        let kinds = text.samples("proxylite_api_errors_total", ["profile": "main"])
        #expect(Set(kinds.compactMap { $0.labels["kind"] }) == Set(PollSeries.errorKinds))
        #expect(kinds.count == 14 && kinds.allSatisfy { $0.value == 0 })
        #expect(Set(PollSeries.errorKinds).isSuperset(of: ["key_rejected", "timeout", "http_status", "api_error"]))
    }

    @Test func pollsFromManyThreadsAllCount() async throws {
        let exporter = MetricsExporter()
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<250 {
                        let kind = index % 5 == 0 ? "timeout" : nil
                        exporter.record(
                            profile: "p\(task % 2)", poll: PollReport(resource: .accounts, seconds: 0.1, at: Date(), errorKind: kind))
                        if index % 50 == 0 { _ = exporter.exposition() }
                    }
                }
            }
        }
        let text = try ExpositionText(exporter.exposition(now: now))
        for profile in ["p0", "p1"] {
            #expect(text.value("proxylite_api_poll_duration_seconds_count", ["profile": profile, "resource": "accounts"]) == 1000)
            #expect(text.value("proxylite_api_errors_total", ["profile": profile, "kind": "timeout"]) == 200)
        }
    }
}
