import Foundation
import Monitor
import ProxyLiteAPI
import Testing

@testable import Exporter

/// What Prometheus's own checker says of the exposition and of the shipped alert rules, and
/// that nothing private or free-text reaches a label.
@Suite struct PromtoolTests {
    let now = ExporterFixtures.now

    /// Usernames the API is not meant to send but might: a label value must carry them exactly.
    static let oddUsernames = [
        "quote\"d", "back\\slash", "new\nline", "客户A", "sp ace", "brace{}=,", "tab\tand\rreturn", "emoji🚀", "trailing\\",
    ]

    private func richExposition() -> [UInt8] {
        let exporter = MetricsExporter(cardinality: .all)
        var snapshot = ExporterFixtures.everything()
        snapshot.accounts.value? += Self.oddUsernames.enumerated().map { index, name in
            ExporterFixtures.row(
                ExporterFixtures.account(name, usageGB: Double(index), remark: "备注 \"\(index)\"\nsecond line"), rate: Double(index))
        }
        exporter.update(profile: "main", snapshot: snapshot)
        exporter.update(profile: "résumé \"two\"", snapshot: ExporterFixtures.everything())
        exporter.record(profile: "main", poll: PollReport(resource: .accounts, seconds: 0.4, at: now, errorKind: nil))
        exporter.record(profile: "main", poll: PollReport(resource: .summary, seconds: 20, at: now, errorKind: "timeout"))
        return exporter.exposition(now: now)
    }

    @Test func promtoolAcceptsTheExposition() async throws {
        let result = try await PrometheusTools.checkMetrics(richExposition())
        #expect(result.status == 0, "promtool check metrics: \(result.output)")
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "lint: \(result.output)")
    }

    @Test func oddUsernamesAreEscapedAndReadBackExactly() throws {
        let text = try ExpositionText(richExposition())
        for name in Self.oddUsernames {
            #expect(text.samples("proxylite_account_usage_bytes", ["profile": "main", "username": name]).count == 1, "\(name)")
        }
        // Only the three characters the format escapes are escaped; the rest go as they are.
        #expect(text.text.contains(#"username="quote\"d""#))
        #expect(text.text.contains(#"username="back\\slash""#))
        #expect(text.text.contains(#"username="new\nline""#))
        #expect(text.text.contains(#"username="trailing\\""#))
        #expect(text.text.contains(#"username="客户A""#))
        #expect(text.value("proxylite_traffic_left_bytes", ["profile": "résumé \"two\""]) != nil)
    }

    @Test func remarksAndPasswordsNeverReachTheExposition() throws {
        let text = try ExpositionText(richExposition())
        for fragment in ["ads", "team", "line two", "专用", "备注", "second line", "hunter2secret", "remark", "password"] {
            #expect(!text.text.contains(fragment), "\(fragment)")
        }
        let labelNames = Set(text.samples.flatMap(\.labels.keys))
        #expect(labelNames == ["profile", "username", "ip", "package", "resource", "kind", "le"])
    }

    @Test func promtoolAcceptsTheAlertRules() async throws {
        let result = try await PrometheusTools.checkRules(Repository.alertRules)
        #expect(result.status == 0, "promtool check rules: \(result.output)")
        #expect(result.output.contains("SUCCESS"))
    }
}
