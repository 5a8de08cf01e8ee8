import Foundation
import TestSupport
import Testing

/// The real binary with `--demo --lang zh-CN` in tmux at 80 and 120 columns: Chinese labels, and
/// no line wider than the terminal with double-width characters.
@Suite(.serialized) struct ChineseDashboardTests {
    /// Terminal columns of `line` for what the dashboard draws: CJK ideographs and full-width
    /// punctuation take two, the rest one.
    static func columns(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { sum, scalar in
            let v = scalar.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
                || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            return sum + (wide ? 2 : 1)
        }
    }

    func expectFits(_ screen: String, width: Int) {
        for line in screen.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(Self.columns(String(line)) <= width, "\(Self.columns(String(line))) columns: \(line)")
        }
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func dashboardInChinese(width: Int, height: Int) async throws {
        let tmux = try await TmuxSession(["--demo", "--lang", "zh-CN"], width: width, height: height)
        defer { Task { await tmux.close() } }
        let first = try await tmux.waitFor("子账号 60 / 60")
        #expect(first.contains("● 在线"))
        #expect(first.contains("用户名") && first.contains("状态"))
        #expect(first.contains("q 退出"))
        expectFits(first, width: width)
        try await tmux.send("?")
        let help = try await tmux.waitFor("按键 · 子账号")
        #expect(help.contains("换列排序"))
        expectFits(help, width: width)
        try await tmux.send("Escape")
        try await tmux.waitUntil("help closed") { !$0.contains("按键 · 子账号") }
        try await tmux.send("s")
        let sorted = try await tmux.waitFor("排序：限额")
        expectFits(sorted, width: width)
        try await tmux.send("q")
        try await tmux.waitFor("[exited 0]")
    }
}
