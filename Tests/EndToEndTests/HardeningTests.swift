import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What the running binary does to protect the key it holds.
@Suite struct HardeningTests {
    @Test func aCrashCannotDumpTheKeyToACoreFile() async throws {
        let tmux = try await TmuxSession(["--demo"])
        defer { Task { await tmux.close() } }
        try await tmux.waitFor("Accounts 60 / 60")
        let pid = try #require(try await tmux.appPID())
        let limits = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
        let line = try #require(limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") })
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        #expect(fields.dropFirst(4).prefix(2) == ["0", "0"], "\(line)")
        // Still readable by the user's own tools (PR_SET_DUMPABLE would have hidden it).
        #expect(FileManager.default.isReadableFile(atPath: "/proc/\(pid)/status"))
    }
}
