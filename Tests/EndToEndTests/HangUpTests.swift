import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The terminal going away without a SIGHUP (no controlling terminal: `setsid`, `nohup`, a
/// dropped SSH connection): the dashboard must end, not spin on a hung-up stdin.
@Suite struct HangUpTests {
    @Test func aHangUpWithoutSIGHUPEndsTheProgramInsteadOfSpinning() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("plhup-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        let app = try DetachedTerminal(
            ["--demo"],
            environment: [
                "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": home,
                "XDG_STATE_HOME": home + "/state", "XDG_CONFIG_HOME": home + "/config",
            ])
        var exited = false
        defer { if !exited { app.kill() } }
        try await app.waitFor("60 / 60")
        let cpuBefore = app.cpuSeconds ?? 0
        let hungUp = ContinuousClock.now
        app.hangUp()
        let result = try await app.waitForExit(timeout: .seconds(10))
        let exitedIn = ContinuousClock.now - hungUp
        if result == nil {
            // Still running: say how hard it spins, which is the bug this guards against.
            let before = app.cpuSeconds ?? 0
            try await Task.sleep(for: .seconds(1))
            Issue.record("still running 10 s after the hang-up, using \((app.cpuSeconds ?? 0) - before) s of CPU per second")
            return
        }
        exited = true
        // At once, and without burning a core on the way out (no write was in flight to wait for).
        // (8 s: a loaded CI machine once took 4.4 s; spinning is caught by the CPU check below.)
        #expect(exitedIn < .seconds(8), "\(exitedIn)")
        let (status, cpuAfter) = try #require(result)
        #expect(cpuAfter - cpuBefore < 1, "\(cpuAfter - cpuBefore) s of CPU between the hang-up and the exit")
        #expect(status & 0x7f == 0, "ended by signal \(status & 0x7f)")
        #expect((status >> 8) & 0xff == 0)
        // The log says why it stopped.
        let log = try String(contentsOfFile: home + "/state/proxylite-top/proxylite-top.log", encoding: .utf8)
        #expect(log.contains("the terminal went away"), "\(log.suffix(600))")
    }
}
