import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Every signal a dashboard left open for days meets, in a real shell in tmux: afterwards `stty -a`
/// in that shell says exactly what it said before the app started (rows and columns aside).
@Suite(.serialized) struct SignalTests {
    /// Starts the demo from a shell, records the terminal's settings, runs `act` on the app's
    /// pid, waits for `[exited N]`, and compares the settings.
    func around(
        exitStatus: Int = 0, _ act: (TmuxSession, Int32) async throws -> Void
    ) async throws {
        let tmux = try await TmuxSession.shell()
        defer { Task { await tmux.close() } }
        let before = try await tmux.sttySettings()
        try await tmux.startApp(["--demo"])
        try await tmux.waitFor("Accounts 60 / 60")
        let pid = try #require(try await tmux.appPID())
        try await act(tmux, pid)
        let screen = try await tmux.waitFor("[exited \(exitStatus)]")
        #expect(!screen.contains("Accounts 60 / 60"))  // the alternate screen is gone
        let after = try await tmux.sttySettings()
        #expect(after == before)
        #expect(try await tmux.paneFormat("#{alternate_on}#{keypad_cursor_flag}#{keypad_flag}#{mouse_any_flag}#{cursor_flag}") == "00001")
    }

    @Test func sigterm() async throws {
        try await around { _, pid in kill(pid, SIGTERM) }
    }

    @Test func sigint() async throws {
        try await around { _, pid in kill(pid, SIGINT) }
    }

    @Test func sighup() async throws {
        try await around { _, pid in kill(pid, SIGHUP) }
    }

    @Test func ctrlZThenFg() async throws {
        try await around { tmux, _ in
            let stopped = try await stopAndCheck(tmux) { try await tmux.send("C-z") }
            try await resume(tmux, stopped: stopped)
        }
    }

    /// `kill -TSTP` from elsewhere; `fg` is what sends the SIGCONT (with the terminal given back).
    @Test func sigtstpThenSigcont() async throws {
        try await around { tmux, pid in
            let stopped = try await stopAndCheck(tmux) { kill(pid, SIGTSTP) }
            try await resume(tmux, stopped: stopped)
        }
    }

    @Test func aStormOfTwoHundredResizes() async throws {
        try await around { tmux, _ in
            for i in 0..<200 { try await tmux.resize(width: 30 + (i * 37) % 200, height: 5 + (i * 13) % 60) }
            try await tmux.resize(width: 120, height: 40)
            try await tmux.waitUntil("the dashboard back at 120×40") { $0.contains("Accounts 60 / 60") && !$0.contains("too small") }
            try await tmux.send("q")
        }
    }

    /// Started by a shell without job control (`sh -c`, `exec`), nobody could `fg` a stopped
    /// dashboard: Ctrl-Z says so and it keeps running, instead of freezing the terminal.
    @Test func ctrlZWithoutAJobControlShellKeepsRunning() async throws {
        let tmux = try await TmuxSession(["--demo"])
        defer { Task { await tmux.close() } }
        try await tmux.waitFor("Accounts 60 / 60")
        try await tmux.send("C-z")
        try await tmux.waitFor("no job-control shell")
        try await tmux.send("2")
        try await tmux.waitFor("Whole account")  // still answering keys
        try await tmux.send("q")
        try await tmux.waitFor("[exited 0]")
    }

    /// Stops the app with `stop`; the shell is back with the terminal as the app found it.
    private func stopAndCheck(_ tmux: TmuxSession, _ stop: () async throws -> Void) async throws -> String {
        try await stop()
        let screen = try await tmux.waitFor("Stopped")
        #expect(!screen.contains("Accounts 60 / 60"))
        #expect(try await tmux.paneFormat("#{alternate_on}#{keypad_cursor_flag}#{mouse_any_flag}") == "000")
        return screen
    }

    /// `fg`: the dashboard is painted again, whole, and quits normally.
    private func resume(_ tmux: TmuxSession, stopped: String) async throws {
        try await tmux.type("fg")
        try await tmux.send("Enter")
        let screen = try await tmux.waitFor("Accounts 60 / 60")
        #expect(screen.contains("USERNAME"))
        #expect(try await tmux.paneFormat("#{alternate_on}") == "1")
        try await tmux.send("q")
        // The shell drops the rest of a command line whose job stopped, so the `echo [exited $?]`
        // after the app never runs: once the app is gone, ask for its status (`fg`'s) by hand.
        let deadline = ContinuousClock.now + .seconds(15)
        while try await tmux.appPID() != nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        try await tmux.type("echo \"[exi\"\"ted $?]\"")
        try await tmux.send("Enter")
    }
}
