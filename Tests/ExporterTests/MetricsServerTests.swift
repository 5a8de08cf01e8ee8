import Foundation
import Logging
import Monitor
import NIOCore
import NIOHTTP1
import TestSupport
import Testing

@testable import Exporter

/// The metrics server over real HTTP on loopback: /metrics, 404 elsewhere, the bearer token.
@Suite struct MetricsServerTests {
    private func withServer(
        bearerToken: String? = nil, logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
        _ body: (MetricsServer, MetricsExporter) async throws -> Void
    ) async throws {
        let exporter = MetricsExporter()
        exporter.update(profile: "main", snapshot: ExporterFixtures.everything())
        let server = try await MetricsServer.start(exporter: exporter, host: "127.0.0.1", port: 0, bearerToken: bearerToken, logger: logger)
        do {
            try await body(server, exporter)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func metricsAreServedInTheTextFormat() async throws {
        try await withServer { server, _ in
            #expect(server.port > 0)
            let response = try await fetch("http://127.0.0.1:\(server.port)/metrics")
            #expect(response.status == 200)
            #expect(response.headers.first(name: "content-type") == "text/plain; version=0.0.4; charset=utf-8")
            let text = try ExpositionText(response.body)
            #expect(text.value("proxylite_account_usage_bytes", ["profile": "main", "username": "alpha"]) == Double(4 << 30))
        }
    }

    @Test func otherPathsAreNotFound() async throws {
        try await withServer { server, _ in
            for path in ["/", "/metrics/", "/metric", "/api/v1/query"] {
                let response = try await fetch("http://127.0.0.1:\(server.port)\(path)")
                #expect(response.status == 404, "\(path)")
            }
        }
    }

    @Test func aScrapeSeesTheNewestSnapshot() async throws {
        try await withServer { server, exporter in
            let url = "http://127.0.0.1:\(server.port)/metrics"
            #expect(try ExpositionText(try await fetch(url).body).samples(for: "alpha").count == 5)
            exporter.update(
                profile: "main",
                snapshot: ExporterFixtures.snapshot(accounts: [ExporterFixtures.row(ExporterFixtures.account("delta"), rate: 1)]))
            let text = try ExpositionText(try await fetch(url).body)
            #expect(text.samples(for: "alpha").isEmpty)
            #expect(text.samples(for: "delta").count == 5)
        }
    }

    @Test func aBearerTokenIsRequiredWhenSet() async throws {
        let token = "s3cret-Token_value"
        try await withServer(bearerToken: token) { server, _ in
            let url = "http://127.0.0.1:\(server.port)/metrics"
            for headers in [
                [], [("Authorization", "Bearer wrong")], [("Authorization", "Bearer \(token)x")],
                [("Authorization", "Bearer \(token.dropLast())")], [("Authorization", "Basic \(token)")],
                [("Authorization", token)], [("Authorization", "Bearer")],
            ] {
                let refused = try await fetch(url, headers: headers)
                #expect(refused.status == 401, "\(headers)")
                #expect(refused.headers.first(name: "www-authenticate")?.hasPrefix("Bearer") == true)
                #expect(!refused.text.contains("proxylite_"))
            }
            // Other paths are refused too, before they are looked up.
            #expect(try await fetch("http://127.0.0.1:\(server.port)/other").status == 401)
            #expect(try await fetch(url, headers: [("Authorization", "Bearer \(token)")]).status == 200)
            #expect(try await fetch(url, headers: [("Authorization", "bearer \(token)")]).status == 200)
        }
    }

    @Test func theTokenIsNeverLogged() async throws {
        let sink = LogSink()
        var logger = Logger(label: "metrics", factory: { _ in sink })
        logger.logLevel = .trace
        let token = "never-log-this-7f3a"
        try await withServer(bearerToken: token, logger: logger) { server, _ in
            let url = "http://127.0.0.1:\(server.port)/metrics"
            _ = try await fetch(url, headers: [("Authorization", "Bearer \(token)")])
            _ = try await fetch(url, headers: [("Authorization", "Bearer not-\(token)")])
        }
        #expect(sink.lines.contains { $0.contains("serving metrics") && $0.contains("required") })
        #expect(!sink.lines.contains { $0.contains(token) })
    }

    @Test func anEmptyTokenIsRefused() async throws {
        await #expect(throws: MetricsServerError.emptyToken) {
            _ = try await MetricsServer.start(
                exporter: MetricsExporter(), port: 0, bearerToken: "",
                logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
        }
    }

    @Test func aPortInUseIsAnError() async throws {
        try await withServer { server, exporter in
            do {
                let second = try await MetricsServer.start(
                    exporter: exporter, host: "127.0.0.1", port: server.port,
                    logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
                await second.stop()
                Issue.record("a second server listened on the same port")
            } catch let error as MetricsServerError {
                #expect(error.description.contains("127.0.0.1:\(server.port)"))
            }
        }
    }

    @Test func stopClosesTheSocket() async throws {
        var port = 0
        try await withServer { server, _ in port = server.port }
        await #expect(throws: (any Error).self) { _ = try await fetch("http://127.0.0.1:\(port)/metrics", timeout: .seconds(2)) }
    }

    @Test func constantTimeComparisonAgreesWithEquality() {
        let token = Array("abc123".utf8)
        for presented in ["abc123", "abc12", "abc1234", "", "xbc123", "abc12x"] {
            #expect(BearerToken.constantTimeEqual(Array(presented.utf8), token) == (presented == "abc123"))
        }
    }
}
