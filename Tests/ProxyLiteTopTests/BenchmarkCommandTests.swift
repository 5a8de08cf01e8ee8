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
}
