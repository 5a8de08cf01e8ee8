import Foundation
import TestSupport
import Testing

/// A crash (a trap, a stack overflow) still puts the terminal back, every mode, and says why on
/// the restored screen and in the log.
@Suite(.serialized) struct CrashRestoreTests {
    func crash(_ kind: String, signal expected: String) async throws {
        let tmux = try await TmuxSession(["--demo"], environment: ["PROXYLITE_TOP_TEST_TRAP": kind, "SWIFT_BACKTRACE": "enable=no"])
        defer { Task { await tmux.close() } }
        let screen = try await tmux.waitUntil("the process to die of its \(kind)") { $0.contains("[exited 1") }
        #expect(!screen.contains("Accounts 60 / 60"))  // back on the main screen
        // The reason, on stderr, after the screen was restored (so it is still there to read).
        #expect(screen.contains("proxylite-top: crashed on \(expected)"), "\(screen)")
        // alternate screen off, cursor keys normal, keypad numeric, mouse off, cursor visible.
        #expect(try await tmux.paneFormat("#{alternate_on}#{keypad_cursor_flag}#{keypad_flag}#{mouse_any_flag}#{cursor_flag}") == "00001")
        let log = try String(contentsOf: tmux.home.appendingPathComponent("state/proxylite-top/proxylite-top.log"), encoding: .utf8)
        let line = try #require(log.split(separator: "\n").last { $0.contains("crashed on") })
        #expect(line.contains("critical proxylite-top: crashed on \(expected)"))
        #expect(line.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ "#, options: .regularExpression) != nil, "\(line)")
        // Line discipline restored: what is typed echoes again (curses had turned echo off).
        try await tmux.type("typed-after-crash")
        try await tmux.waitFor("typed-after-crash")
    }

    @Test func aTrap() async throws {
        try await crash("1", signal: "SIGILL")
    }

    /// Without the alternate signal stack the handler has no stack to run on, and the kernel kills
    /// the process with the terminal still in curses' modes.
    @Test func aStackOverflow() async throws {
        try await crash("overflow", signal: "SIGSEGV")
    }
}
