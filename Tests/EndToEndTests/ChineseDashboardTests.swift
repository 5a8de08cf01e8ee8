import Foundation
import TestSupport
import Testing

/// The real binary with `--demo --lang zh-CN` in tmux at 80 and 120 columns: Chinese labels drawn
/// whole. (tmux cannot capture a line wider than its pane, so widths are not measured here: the
/// label budgets are checked in `ChinesePaneScreenTests`.)
@Suite(.serialized) struct ChineseDashboardTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func dashboardInChinese(width: Int, height: Int) async throws {
        let tmux = try await TmuxSession(["--demo", "--lang", "zh-CN"], width: width, height: height)
        defer { Task { await tmux.close() } }
        let first = try await tmux.waitFor("子账号 60 / 60")
        #expect(first.contains("● 在线"))
        #expect(first.contains("用户名") && first.contains("状态"))
        // The global keys are drawn whole at the footer's right end, after the pane's own.
        #expect(first.contains("? 帮助  r 刷新  q 退出"))
        try await tmux.send("?")
        let help = try await tmux.waitFor("按键 · 子账号")
        #expect(help.contains("换列排序"))
        #expect(help.contains("按键 · 子账号（Esc 关闭）"))
        try await tmux.send("Escape")
        try await tmux.waitUntil("help closed") { !$0.contains("按键 · 子账号") }
        try await tmux.send("s")
        try await tmux.waitFor("排序：限额")
        try await tmux.send("q")
        try await tmux.waitFor("[exited 0]")
    }
}
