import Foundation
import TestSupport
import Testing

/// The benchmark runs end to end and reports every figure; the figures themselves are measured
/// with the release binary by hand (see README), never asserted in a test.
@Suite struct BenchmarkCommandTests {
    @Test func smallRunReportsEachFigure() async throws {
        let result = try await runBinary(["benchmark", "--idle-seconds", "1", "--launch-accounts", "30", "--skip-large"])
        #expect(result.status == 0, "\(result.stderr)")
        for figure in [
            "launch to first full screen, 30 accounts", "idle CPU", "bytes to the terminal per minute", "API requests per hour",
            "CPU while the API refuses connections",
        ] {
            #expect(result.stdout.contains(figure), "missing \(figure) in\n\(result.stdout)")
        }
    }

    /// The scrape benchmark at each cardinality: none keeps only the account-wide series, top 10
    /// at most ten subjects per kind more, all every subject.
    @Test func metricsScrapeReportsItsSeries() async throws {
        var series: [String: Int] = [:]
        for top in ["none", "10", "all"] {
            let result = try await runBinary(["benchmark", "metrics", "--accounts", "500", "--metrics-top", top])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("metrics scrape: 500 accounts, 250 static IPs, 25 packages"), "\(result.stdout)")
            #expect(result.stdout.contains("first scrape") && result.stdout.contains("resident"))
            let count = result.stdout.split(whereSeparator: \.isWhitespace).drop { $0 != "series" }.dropFirst().first
            series[top] = count.flatMap { Int($0.dropLast()) }
        }
        let none = try #require(series["none"])
        let ten = try #require(series["10"])
        let all = try #require(series["all"])
        #expect(none <= 10, "account-wide only: \(series)")
        #expect(ten > none && ten <= none + 10 * 5 + 10 + 10, "\(series)")
        #expect(all > 500 * 2 + 250 + 25, "\(series)")
    }
}
