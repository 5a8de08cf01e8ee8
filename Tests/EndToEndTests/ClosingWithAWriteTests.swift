import Foundation
import ProxyLiteSimulator
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The dashboard told to go (SIGHUP: the SSH session closed) while a confirmed change is on its
/// way: the change gets up to 5 s, then the log says its outcome is unknown.
@Suite struct ClosingWithAWriteTests {
    @Test func sighupWithAWriteInFlightWaitsFiveSecondsThenLogsItUnknown() async throws {
        var world = SimulatorConfiguration(seed: 11, accounts: 20, staticIPs: 4, orders: 4, packages: 2, applyDelay: .zero)
        world.appKey = testKey
        world.faults.slowWrites = .seconds(60)  // applied, then answered long after anyone waits
        let simulator = try await Simulator.start(world)
        defer { Task { await simulator.stop() } }
        let tmux = try await TmuxSession(
            ["--base-url", simulator.baseURL.absoluteString, "--timeout", "60"], environment: ["PROXYLITE_APP_KEY": testKey])
        defer { Task { await tmux.close() } }
        try await tmux.waitFor("Accounts 20 / 20")
        try await tmux.send("d")
        try await tmux.waitFor("Disable sub-accounts")
        try await tmux.waitUntil("the dialog to take answers") { !$0.contains("answer in a moment") }
        try await tmux.send("y")
        try await tmux.waitFor("Sending: disable")
        let deadline = ContinuousClock.now + .seconds(10)
        while simulator.requestCounts["whitelist-account/disable", default: 0] == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let pid = try #require(try await tmux.appPID())
        let sent = ContinuousClock.now
        kill(pid, SIGHUP)
        let screen = try await tmux.waitFor("[exited 0]", timeout: .seconds(20))
        let waited = ContinuousClock.now - sent
        #expect(!screen.contains("Accounts 20 / 20"))  // the terminal was given back at once
        #expect(screen.contains("waiting up to 5 s for 1 change to be answered"))
        // The 5 s grace, not the 30 s answer, with room for a loaded machine.
        #expect(waited >= .seconds(4.5) && waited < .seconds(15), "\(waited)")
        let log = try String(contentsOf: tmux.home.appendingPathComponent("state/proxylite-top/proxylite-top.log"), encoding: .utf8)
        #expect(log.contains("change outcome unknown: it may have been applied"), "\(log.suffix(800))")
        #expect(log.contains("why=SIGHUP"), "\(log.suffix(800))")
        #expect(!log.contains(testKey))
    }
}
