import Foundation
import TestSupport
import Testing

/// `benchmark fuzz-keys` runs on the simulator's world and says how fast and what it checked; the
/// 1 000 000-key figure is measured by hand (see README).
@Suite struct FuzzKeysCommandTests {
    @Test func aShortRunReportsItsSeedSpeedAndChecks() async throws {
        let result = try await runBinary(["benchmark", "fuzz-keys", "--keys", "3000", "--seed", "42", "--accounts", "30"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("seed 42"))
        #expect(result.stdout.contains("invariant checks, 0 broken"))
        #expect(result.stdout.contains("keys/s"))
    }
}
