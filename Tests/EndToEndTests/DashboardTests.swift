import Foundation
import ProxyLiteSimulator
import TestSupport
import Testing

/// The real binary in tmux against the simulator.
@Suite(.serialized) struct DashboardTests {
    @Test func startSwitchEveryPaneAndQuitRestoringTheTerminal() async throws {
        let tmux = try await TmuxSession(["--demo"])
        defer { Task { await tmux.close() } }
        let first = try await tmux.waitFor("Accounts 60 / 60")
        #expect(first.contains("● live"))
        #expect(first.contains("USERNAME"))
        try await tmux.send("2")
        try await tmux.waitFor("Whole account")
        try await tmux.send("3")
        try await tmux.waitFor("Static IPs 80 / 80")
        try await tmux.send("4")
        try await tmux.waitFor("Orders 50 / 50")
        try await tmux.send("5")
        try await tmux.waitFor("Packages 12 / 12")
        try await tmux.send("6")
        try await tmux.waitFor("Whitelist 4")
        try await tmux.send("7")
        try await tmux.waitFor("Host pool stock")
        try await tmux.send("8")
        try await tmux.waitFor("Payment methods")
        try await tmux.send("9")
        try await tmux.waitFor("No alerts")
        try await tmux.send("Tab")
        try await tmux.waitFor("Accounts 60 / 60")
        try await tmux.send("?")
        try await tmux.waitFor("sort by next column")
        try await tmux.send("Escape")
        try await tmux.send("q")
        let after = try await tmux.waitFor("[exited 0]")
        #expect(!after.contains("Accounts 60 / 60"))  // the alternate screen is gone
    }

    @Test func filterAndSort() async throws {
        let tmux = try await TmuxSession(["--demo"])
        defer { Task { await tmux.close() } }
        try await tmux.waitFor("Accounts 60 / 60")
        try await tmux.send("/")
        try await tmux.type("shop")
        try await tmux.waitFor("Accounts 5 / 60")
        try await tmux.send("Enter")
        // The title shows the filter while it is typed; wait for the prompt to close, or the next
        // key could arrive in the same read as Enter and be taken for a pasted line.
        try await tmux.waitUntil("the filter applied") { $0.contains("filter “shop”") && !$0.contains("Enter apply") }
        try await tmux.send("s")
        try await tmux.waitFor("sort: limit ↓")
        try await tmux.send("S")
        try await tmux.waitFor("sort: limit ↑")
        try await tmux.send("Escape")
        try await tmux.waitFor("Accounts 60 / 60")
        try await tmux.send("q")
        try await tmux.waitFor("[exited 0]")
    }

    @Test func resizeAndAStormOfResizes() async throws {
        let tmux = try await TmuxSession(["--demo"])
        defer { Task { await tmux.close() } }
        try await tmux.waitFor("Accounts 60 / 60")
        try await tmux.resize(width: 50, height: 10)
        try await tmux.waitFor("Terminal too small")
        try await tmux.waitFor("needs 60×12")
        for i in 0..<30 { try await tmux.resize(width: 40 + i * 3, height: 8 + i) }
        try await tmux.resize(width: 100, height: 30)
        // Waits for the header and the footer too: a capture can land while a frame is still
        // being written, and what is checked is that a whole one comes.
        let screen = try await tmux.waitUntil("the full dashboard at 100×30") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return screen.contains("Accounts 60 / 60") && !screen.contains("too small")
                && lines.first?.contains("proxylite-top") == true && lines.suffix(3).contains { $0.contains("quit") }
        }
        #expect(!screen.contains("needs 60×12"))
        try await tmux.send("q")
        try await tmux.waitFor("[exited 0]")
    }

    @Test func outageMarksDataStaleAndRecoveryClearsIt() async throws {
        var world = SimulatorConfiguration(
            seed: 5, accounts: 20, faults: FaultPlan(outage: .init(after: .seconds(5), lasting: .seconds(12))))
        world.appKey = testKey
        let simulator = try await Simulator.start(world)
        defer { Task { await simulator.stop() } }
        // Poll at the floors (accounts every 10 s), so that a poll falls inside the outage.
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("fast-\(UUID().uuidString).toml")
        try "[intervals]\naccounts = 10\nsummary = 30\nflow = 60\nstatic_ips = 60\norders = 30\n".write(
            to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        let tmux = try await TmuxSession(
            ["--base-url", simulator.baseURL.absoluteString, "--config", config.path],
            environment: ["PROXYLITE_APP_KEY": testKey])
        defer { Task { await tmux.close() } }
        try await tmux.waitFor("Accounts 20 / 20")
        try await tmux.waitFor("● live")
        // The first poll inside the outage fails; the data stays, marked stale.
        let stale = try await tmux.waitFor("stale", timeout: .seconds(40))
        #expect(stale.contains("Accounts 20 / 20"))
        #expect(stale.contains("HTTP 503"))
        let recovered = try await tmux.waitUntil(timeout: .seconds(40), "recovery") { $0.contains("● live") && !$0.contains("stale") }
        #expect(recovered.contains("Accounts 20 / 20"))
        let last = try await tmux.capture()
        #expect(!last.contains(testKey))
        try await tmux.send("q")
        try await tmux.waitFor("[exited 0]")
    }

    @Test func sigtermQuitsCleanly() async throws {
        let tmux = try await TmuxSession(["--demo"])
        defer { Task { await tmux.close() } }
        try await tmux.waitFor("Accounts 60 / 60")
        let pid = try #require(try await tmux.appPID())
        kill(pid, SIGTERM)
        let screen = try await tmux.waitFor("[exited 0]")
        #expect(!screen.contains("Accounts 60 / 60"))
    }

    @Test func aCrashStillRestoresTheTerminal() async throws {
        let tmux = try await TmuxSession(["--demo"], environment: ["PROXYLITE_TOP_TEST_TRAP": "1", "SWIFT_BACKTRACE": "enable=no"])
        defer { Task { await tmux.close() } }
        let screen = try await tmux.waitUntil("the process to die of its trap") { $0.contains("[exited 13") }
        #expect(!screen.contains("Accounts 60 / 60"))  // back on the main screen
        // Line discipline restored: what is typed echoes again (curses had turned echo off).
        try await tmux.type("typed-after-crash")
        try await tmux.waitFor("typed-after-crash")
    }

    @Test func withoutAKeyItExplainsAndExitsTwo() async throws {
        let tmux = try await TmuxSession([])
        defer { Task { await tmux.close() } }
        let screen = try await tmux.waitFor("[exited 2]")
        #expect(screen.contains("proxylite-top --demo"))
    }
}
