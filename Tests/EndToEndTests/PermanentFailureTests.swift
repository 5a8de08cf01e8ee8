import Foundation
import ProxyLiteSimulator
import TestSupport
import Testing

/// A failure retrying cannot mend stops polling, says why in the header, and resumes on `r` or
/// when the key file is fixed.
@Suite struct PermanentFailureTests {
    @Test func aRejectedKeyStopsEveryPollerUntilTheKeyFileIsFixed() async throws {
        var world = SimulatorConfiguration(seed: 5, accounts: 12)
        world.appKey = testKey
        let simulator = try await Simulator.start(world)
        defer { Task { await simulator.stop() } }
        let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString)")
        try "wrongKEY0000aaaa1111bbbb2222cccc".write(to: keyFile, atomically: true, encoding: .utf8)
        chmod(keyFile.path, 0o600)
        defer { try? FileManager.default.removeItem(at: keyFile) }
        let tmux = try await TmuxSession(
            ["--base-url", simulator.baseURL.absoluteString, "--app-key-file", keyFile.path, "--key-check-seconds", "0.3"])
        defer { Task { await tmux.close() } }
        let stopped = try await tmux.waitFor("polling stopped")
        #expect(stopped.contains("key rejected"))
        // Stopped means no retries: past the first backoff (5 s), each endpoint was asked once.
        try await Task.sleep(for: .seconds(7))  // a window for the retries that must not come
        let counts = simulator.requestCounts
        #expect(!counts.isEmpty && counts.values.allSatisfy { $0 == 1 }, "\(counts)")
        // The user fixes the key file; the dashboard notices and polls again.
        try testKey.write(to: keyFile, atomically: true, encoding: .utf8)
        chmod(keyFile.path, 0o600)
        let live = try await tmux.waitFor("Accounts 12 / 12", timeout: .seconds(20))
        #expect(!live.contains("polling stopped"))
        #expect(!live.contains(testKey))
    }

    @Test func anUnverifiedAccountStopsOnlyWhatNeedsVerificationAndRResumes() async throws {
        var world = SimulatorConfiguration(seed: 5, accounts: 12)
        world.appKey = testKey
        world.accountNotVerified = true
        let simulator = try await Simulator.start(world)
        defer { Task { await simulator.stop() } }
        let tmux = try await TmuxSession(
            ["--base-url", simulator.baseURL.absoluteString], environment: ["PROXYLITE_APP_KEY": testKey])
        defer { Task { await tmux.close() } }
        let screen = try await tmux.waitFor("polling of")
        #expect(screen.contains("account not verified"))
        // Orders need no verification and still arrive.
        try await tmux.send("4")
        try await tmux.waitUntil("orders") { $0.contains("Orders") && $0.range(of: #"Orders \d+"#, options: .regularExpression) != nil }
        let listed = simulator.requestCounts["whitelist-account/list"] ?? 0
        try await tmux.send("r")
        try await tmux.waitUntil(timeout: .seconds(10), "a new attempt after r") { _ in
            (simulator.requestCounts["whitelist-account/list"] ?? 0) > listed
        }
    }
}
