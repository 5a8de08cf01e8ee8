import Foundation
import Logging
import Monitor
import ProxyLiteAPI
import Testing

@testable import Exporter

/// A real Prometheus scrapes the metrics server (with its bearer token), reads a series back,
/// loads the shipped alert rules, and answers every query of the Grafana dashboard.
@Suite struct PrometheusEndToEndTests {
    static let profile = "e2e"
    static let token = "e2e-token-\(UUID().uuidString)"

    /// The fixture plus an account at its limit, and a second profile whose API has been failing
    /// for an hour with its key rejected: enough that each of these alert rules has something to match.
    static let alertsExpectedToMatch: Set<String> = [
        "ProxyLiteAccountNearLimit", "ProxyLiteAccountAtLimit", "ProxyLiteAccountLimitSoon", "ProxyLiteStaticIPExpiring",
        "ProxyLitePackageExpiring", "ProxyLiteAPIDown", "ProxyLiteAPIPollingStopped",
    ]

    private func exporterWithData() -> MetricsExporter {
        let exporter = MetricsExporter()
        var snapshot = ExporterFixtures.everything()
        // Expiries count from the scrape, so the fixture's dates are moved to today.
        let shift = Date().timeIntervalSince(ExporterFixtures.now)
        snapshot.staticIPs.value = [
            ExporterFixtures.staticIP("203.0.113.10", days: 2 + shift / 86_400, id: 1),
            ExporterFixtures.staticIP("203.0.113.11", days: 40 + shift / 86_400, id: 2),
        ]
        snapshot.packages.value = [
            ExporterFixtures.package(id: 501, days: 5 + shift / 86_400), ExporterFixtures.package(id: 502, days: 60 + shift / 86_400),
        ]
        snapshot.accounts.value?.append(ExporterFixtures.row(ExporterFixtures.account("full", usageGB: 10, limitGB: 10), rate: 0))
        exporter.update(profile: Self.profile, snapshot: snapshot)
        exporter.record(profile: "quiet", poll: PollReport(resource: .accounts, seconds: 0.2, at: Date() - 3600, errorKind: nil))
        // Its key was rejected and its polling stopped.
        var quiet = Snapshot(source: "quiet")
        quiet.accounts.lastError = ProxyLiteError(.invalidAppKey, endpoint: "whitelist-account/list", message: "key rejected")
        quiet.accounts.stopped = true
        exporter.update(profile: "quiet", snapshot: quiet)
        return exporter
    }

    /// Polls keep finishing while Prometheus watches, as they would under `serve`: successes
    /// and timeouts for the profile on screen, rejected keys for the quiet one.
    private func keepPolling(_ exporter: MetricsExporter) -> Task<Void, Never> {
        Task {
            var round = 0
            while !Task.isCancelled {
                exporter.record(
                    profile: Self.profile,
                    poll: PollReport(resource: .accounts, seconds: 0.1 + Double(round % 7) / 10, at: Date(), errorKind: nil))
                exporter.record(profile: Self.profile, poll: PollReport(resource: .summary, seconds: 20, at: Date(), errorKind: "timeout"))
                exporter.record(
                    profile: "quiet", poll: PollReport(resource: .accounts, seconds: 0.3, at: Date(), errorKind: "key_rejected"))
                round += 1
                try? await Task.sleep(for: .milliseconds(250))
            }
        }
    }

    @Test(.timeLimit(.minutes(3))) func prometheusScrapesEvaluatesTheRulesAndAnswersTheDashboard() async throws {
        _ = try PrometheusTools.required(PrometheusTools.prometheus)
        let exporter = exporterWithData()
        let server = try await MetricsServer.start(
            exporter: exporter, host: "127.0.0.1", port: 0, bearerToken: Self.token,
            logger: Logger(label: "e2e", factory: { _ in SwiftLogNoOpLogHandler() }))
        let polling = keepPolling(exporter)
        let outcome = await Result(catching: {
            try await PrometheusServer.with(
                scraping: "127.0.0.1:\(server.port)", bearerToken: Self.token, ruleFile: Repository.alertRules
            ) { prometheus in
                try await check(prometheus)
            }
        })
        polling.cancel()
        await server.stop()
        try outcome.get()
    }

    private func check(_ prometheus: PrometheusServer) async throws {
        let deadline = ContinuousClock.now + .seconds(60)

        // 1. A scrape happened (with the token) and a series reads back what the exporter holds.
        try await waitFor("up == 1 and alpha's usage read back", prometheus, until: deadline) {
            let up = try await prometheus.query(#"up{job="proxylite-top"}"#)
            let usage = try await prometheus.query(#"proxylite_account_usage_bytes{profile="e2e",username="alpha"}"#)
            return up.samples.map(\.value) == ["1"] && usage.samples.map(\.value) == ["4294967296"]
        }

        // 2. The shipped rules are loaded and evaluate without error.
        let rules = try await waitForValue("every alert rule evaluated", prometheus, until: deadline) {
            let rules = try await prometheus.rules()
            return !rules.isEmpty && rules.allSatisfy { $0.health != "unknown" } ? rules : nil
        }
        #expect(rules.count == 9)
        for rule in rules {
            #expect(rule.health == "ok", "\(rule.name): \(rule.lastError ?? "")")
            #expect(["warning", "critical"].contains(rule.labels["severity"]), "\(rule.name) has no severity label")
        }

        // 3. Every rule's expression, and every query of the dashboard, as an instant query.
        let dashboard = try GrafanaDashboard(Repository.grafanaDashboard)
        var queries = dashboard.queries.map {
            (name: "panel \($0.panel)", expr: GrafanaDashboard.substitute($0.expr, profile: Self.profile), mustMatch: true)
        }
        #expect(queries.count >= 13)
        let variable = try #require(dashboard.variableQuery("profile"), "the dashboard's profile variable is label_values(metric, profile)")
        queries.append((name: "variable profile", expr: variable, mustMatch: true))
        queries += rules.map { (name: "alert \($0.name)", expr: $0.query, mustMatch: Self.alertsExpectedToMatch.contains($0.name)) }
        #expect(Set(rules.map(\.name)).isSuperset(of: Self.alertsExpectedToMatch))

        // Rates need two scrapes in their window, so queries that come back empty are asked again
        // until the deadline; an error is final.
        var pending = queries
        while true {
            var stillEmpty: [(name: String, expr: String, mustMatch: Bool)] = []
            for query in pending {
                let answer = try await prometheus.query(query.expr)
                #expect(answer.succeeded, "\(query.name): \(query.expr): \(answer.error ?? answer.status)")
                if answer.succeeded, query.mustMatch, answer.samples.isEmpty { stillEmpty.append(query) }
            }
            pending = stillEmpty
            if pending.isEmpty { break }
            guard ContinuousClock.now < deadline, !prometheus.hasExited else {
                let list = pending.map { "  \($0.name): \($0.expr)" }.joined(separator: "\n")
                Issue.record("no result before the deadline for:\n\(list)")
                return
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        let variableAnswer = try await prometheus.query(variable)
        #expect(Set(variableAnswer.samples.compactMap { $0.labels["profile"] }) == [Self.profile, "quiet"])
    }

    private func waitFor(
        _ what: String, _ prometheus: PrometheusServer, until deadline: ContinuousClock.Instant, _ check: () async throws -> Bool
    ) async throws {
        _ = try await waitForValue(what, prometheus, until: deadline) { try await check() ? true : nil }
    }

    /// Asks every 250 ms until `check` has an answer; fails with Prometheus's log if it exits or
    /// the deadline passes. Connection errors while Prometheus starts count as "not yet".
    private func waitForValue<T>(
        _ what: String, _ prometheus: PrometheusServer, until deadline: ContinuousClock.Instant, _ check: () async throws -> T?
    ) async throws -> T {
        var lastError: (any Error)?
        while ContinuousClock.now < deadline {
            if prometheus.hasExited { throw PrometheusFailure("Prometheus exited while waiting for \(what):\n\(prometheus.log)") }
            do {
                if let value = try await check() { return value }
            } catch {
                lastError = error
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw PrometheusFailure(
            "no \(what) within 60 s (last error: \(lastError.map { "\($0)" } ?? "none")); Prometheus's log:\n\(prometheus.log.suffix(4000))"
        )
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do {
            self = .success(try await body())
        } catch {
            self = .failure(error)
        }
    }
}
