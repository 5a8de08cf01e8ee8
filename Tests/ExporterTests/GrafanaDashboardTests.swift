import Foundation
import Testing

/// The shipped Grafana dashboard's shape: a profile variable every query follows, a data source
/// chosen on import, and the panels the team setup needs. (Its queries run against a real
/// Prometheus in `PrometheusEndToEndTests`.)
@Suite struct GrafanaDashboardTests {
    @Test func everyQueryFollowsTheProfileVariable() throws {
        let dashboard = try GrafanaDashboard(Repository.grafanaDashboard)
        let profile = try #require(dashboard.variables.first { $0["name"] as? String == "profile" })
        #expect(profile["multi"] as? Bool == true && profile["includeAll"] as? Bool == true)
        #expect(dashboard.variables.contains { $0["name"] as? String == "datasource" && $0["type"] as? String == "datasource" })
        #expect(!dashboard.queries.isEmpty)
        for query in dashboard.queries {
            // `=~`: with several profiles picked, Grafana substitutes a regular expression.
            #expect(query.expr.contains(#"profile=~"$profile""#), "\(query.panel): \(query.expr)")
        }
        for panel in dashboard.panels {
            #expect((panel["datasource"] as? [String: Any])?["uid"] as? String == "${datasource}", "\(panel["title"] ?? "?")")
        }
    }

    @Test func thePanelsCoverTheAccountTheSubjectsAndTheAPI() throws {
        let dashboard = try GrafanaDashboard(Repository.grafanaDashboard)
        let all = dashboard.queries.map(\.expr).joined(separator: "\n")
        for metric in [
            "proxylite_traffic_left_bytes", "proxylite_account_usage_bytes", "proxylite_account_limit_bytes",
            "proxylite_account_rate_bytes_per_second", "proxylite_account_seconds_to_limit", "proxylite_static_ip_expiry_seconds",
            "proxylite_package_expiry_seconds", "proxylite_api_poll_duration_seconds_bucket", "proxylite_api_errors_total",
            "proxylite_api_last_success_timestamp_seconds",
        ] {
            #expect(all.contains(metric), "no panel shows \(metric)")
        }
        let ids = dashboard.panels.compactMap { $0["id"] as? Int }
        #expect(Set(ids).count == ids.count, "panel ids must be unique")
    }
}
