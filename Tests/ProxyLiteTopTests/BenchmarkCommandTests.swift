import Foundation
import ProxyLiteSimulator
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

    /// `benchmark frames` saves the account list answers it fetched, and runs again on them with no
    /// simulator; `--only` reports the steps it names and no others.
    @Test func framesRunAgainOnSavedAnswers() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frames-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let saved = try await runBinary(["benchmark", "frames", "--accounts", "400", "--rounds", "1", "--save-answers", folder.path])
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(saved.stdout.contains("400 accounts") && saved.stdout.contains("filter typing"), "\(saved.stdout)")
        for name in ["accounts-1.json", "accounts-2.json"] {
            let answer = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(answer.contains("\"list\"") && !answer.contains(SimulatorConfiguration.demoKey))
        }
        let replayed = try await runBinary(["benchmark", "frames", "--rounds", "1", "--answers", folder.path, "--only", "sort"])
        #expect(replayed.status == 0, "\(replayed.stderr)")
        let steps = replayed.stdout.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").first ?? "" }
        #expect(steps.count == 10 && steps.allSatisfy { $0 == "sort" }, "\(replayed.stdout)")
        #expect(replayed.stdout.contains("400 accounts"), "\(replayed.stdout)")
        let missing = try await runBinary(["benchmark", "frames", "--answers", folder.appendingPathComponent("none").path])
        #expect(missing.status != 0 && missing.stderr.contains("accounts-1.json"), "\(missing.stderr)")
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
