import Foundation
import TestSupport
import Testing

/// The whole chain for a team: the real `proxylite-top serve` (on its built-in simulator) with a
/// bearer token, a real Prometheus scraping it, and a series read back through Prometheus's API
/// equal to what `serve` exposes.
@Suite struct PrometheusScrapesServeTests {
    @Test(.timeLimit(.minutes(3))) func prometheusReadsBackWhatServeExposes() async throws {
        _ = try PrometheusTools.required(PrometheusTools.prometheus)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let token = "serve-token-\(UUID().uuidString)"
        let tokenFile = folder.url.appendingPathComponent("token").path
        try token.write(toFile: tokenFile, atomically: true, encoding: .utf8)
        chmod(tokenFile, 0o600)
        let serve = try BackgroundProcess(
            BuiltBinary.url.path,
            ["serve", "--demo", "--metrics-listen", "127.0.0.1:0", "--metrics-token-file", tokenFile],
            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": folder.url.path, "XDG_STATE_HOME": folder.url.path],
            outputPath: folder.url.appendingPathComponent("serve.out").path)
        var failure: (any Error)?
        do {
            try await readBack(from: serve, token: token)
        } catch {
            failure = error
        }
        await serve.stop()
        #expect(serve.exitStatus == 0, "\(serve.output)")
        #expect(!serve.output.contains(token))
        if let failure { throw failure }
    }

    private func readBack(from serve: BackgroundProcess, token: String) async throws {
        let text = try await serve.waitForOutput("serve's address") { $0.contains("/metrics for ") }
        let line = try #require(text.split(separator: "\n").first { $0.contains("/metrics for ") })
        let address = String(try #require(line.split(separator: " ").first { $0.hasPrefix("http://") }))
        let target = String(try #require(address.dropFirst("http://".count).split(separator: "/").first))
        try await PrometheusServer.with(scraping: target, bearerToken: token, ruleFile: Repository.alertRules) { prometheus in
            try await compare(prometheus, address: address, token: token, serve: serve)
        }
    }

    /// A sub-account's usage, through Prometheus, equals serve's own exposition of it.
    private func compare(_ prometheus: PrometheusServer, address: String, token: String, serve: BackgroundProcess) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        let series = #"proxylite_account_usage_bytes{profile="demo",username="shop1"}"#
        var read: Double?
        var served: Double?
        var lastError: (any Error)?
        while true {
            // A query that fails (Prometheus busy on a loaded machine) is "not yet", as is no sample.
            do {
                let answer = try await prometheus.query(series)
                let exposed = try await fetch(address, headers: [("Authorization", "Bearer \(token)")]).text
                served = exposed.split(separator: "\n").first { $0.hasPrefix(series) }?.split(separator: " ").last.flatMap { Double($0) }
                read = answer.samples.first.flatMap { Double($0.value) }
            } catch {
                lastError = error
            }
            if let read, let served, read == served { break }
            guard ContinuousClock.now < deadline, !prometheus.hasExited, serve.exitStatus == nil else {
                Issue.record(
                    "Prometheus never read back serve's value: \(String(describing: read)) vs \(String(describing: served)); last error: \(String(describing: lastError))"
                )
                return
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        let up = try await prometheus.query(#"up{job="proxylite-top"}"#)
        #expect(up.samples.map(\.value) == ["1"])
    }
}
