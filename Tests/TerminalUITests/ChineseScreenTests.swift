import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// The dashboard in Simplified Chinese as cell grids: whole labels, columns still aligned with
/// double-width headers, and the English default untouched. (A CellBuffer clips at its width, so
/// its lines cannot be too wide: what fits is checked by looking for whole texts here and by the
/// label budgets in `ChinesePaneScreenTests`.)
@Suite struct ChineseScreenTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func snapshot() async -> Snapshot {
        let store = Store(source: "test", readOnly: false) { _ in }
        await store.apply(
            .accounts([
                Fixtures.account("alpha", usageGB: 9.6, limitGB: 10, remark: "代理账户"),
                Fixtures.account("beta", usageGB: 1, limitGB: 0, enabled: false, remark: "👍 ok"),
                Fixtures.account("gamma", usageGB: 4, limitGB: 5),
            ]), at: now.addingTimeInterval(-60))
        await store.apply(.summary(Fixtures.summary()), at: now.addingTimeInterval(-60))
        return await store.current
    }

    func chinese() -> UIState {
        var ui = UIState()
        ui.language = .zhCN
        return ui
    }

    @Test(arguments: [80, 120])
    func accountsInChinese(width: Int) async {
        let screen = renderDashboard(await snapshot(), chinese(), now: now, width: width, height: 30)
        #expect(screen.line(0).contains("● 在线 · "))
        #expect(screen.line(1).contains("1 子账号") || screen.line(1).contains("1 账号"))
        #expect(screen.line(2).hasPrefix(" 子账号 3 / 3"))
        #expect(screen.line(3).hasPrefix("用户名"))
        #expect(screen.line(4).contains("启用") && screen.line(6).contains("停用"))
        #expect(screen.line(29).contains("? 帮助") && screen.line(29).contains("q 退出"))
        // The column after the wide remark starts where its double-width header does.
        let header = screen.lines[3]
        guard let limit = header.range(of: "限额") else {
            Issue.record("no 限额 header: \(header)")
            return
        }
        let column = DisplayWidth.columns(String(header[..<limit.lowerBound]))
        for row in 4...6 {
            let line = screen.lines[row]
            let cells = Array(line)
            // The LIMIT cell is right-aligned in 8 columns: its last column is the header's last.
            var x = 0
            var ends: [Int] = []
            for character in cells {
                x += DisplayWidth.columns(String(character))
                ends.append(x)
            }
            #expect(ends.contains(column + 8), "row \(row): \(line)")
        }
    }

    @Test(arguments: [80, 120])
    func helpAndTheQuitDialogFitInChinese(width: Int) async {
        var ui = chinese()
        ui.overlay = .help
        let help = renderDashboard(await snapshot(), ui, now: now, width: width, height: 30)
        #expect(help.lines.contains { $0.contains("按键 · 子账号（Esc 关闭）") })
        #expect(help.lines.contains { $0.contains("换列排序") })
        #expect(help.lines.contains { $0.contains("切换面板") })
        ui.overlay = .none
        ui.dialog = .quit(ConfirmQuit(sending: 2))
        let quit = renderDashboard(await snapshot(), ui, now: now, width: width, height: 30)
        #expect(quit.lines.contains { $0.contains("还有 2 项更改正在发送。") })
        #expect(quit.lines.contains { $0.contains("[ 取消 ]") && $0.contains("[ 退出 ]") })
    }

    @Test(arguments: [80, 120])
    func accountDetailsAndAFormInChinese(width: Int) async {
        let snapshot = await snapshot()
        var ui = chinese()
        ui.overlay = .accountDetail(username: "alpha")
        let details = renderDashboard(snapshot, ui, now: now, width: width, height: 30)
        #expect(details.lines.contains { $0.contains("账号 alpha（Esc 关闭）") })
        #expect(details.lines.contains { $0.contains("状态") && $0.contains("已启用") })
        ui.overlay = .none
        let lists = VisibleLists.compute(snapshot, ui)
        let layout = ScreenLayout(width: width, height: 30)
        _ = ui.handle(.character("l"), snapshot: snapshot, lists: lists, bodyRows: layout.body.height, now: now, layout: layout)
        let form = renderDashboard(snapshot, ui, now: now, width: width, height: 30)
        #expect(form.lines.contains { $0.contains("修改限额") })
        #expect(form.lines.contains { $0.contains("限额（GB）") })
        #expect(form.lines.contains { $0.contains("[ 取消 ]") && $0.contains("[ 继续 ]") })
    }

    @Test func flashMessagesAreWrittenInTheLanguageOnScreen() async {
        let snapshot = await snapshot()
        var ui = chinese()
        let lists = VisibleLists.compute(snapshot, ui)
        let layout = ScreenLayout(width: 120, height: 30)
        _ = ui.handle(.character("s"), snapshot: snapshot, lists: lists, bodyRows: layout.body.height, now: now, layout: layout)
        #expect(ui.flash?.text.hasPrefix("已按") == true, "\(ui.flash?.text ?? "no flash")")
        let screen = renderDashboard(snapshot, ui, now: now, width: 120, height: 30)
        #expect(screen.line(2).contains("排序："))
    }

    @Test func englishStaysTheDefault() async {
        let screen = renderDashboard(await snapshot(), UIState(), now: now, width: 80, height: 30)
        #expect(screen.line(2).hasPrefix(" Accounts 3 / 3"))
        #expect(screen.line(3).hasPrefix("USERNAME"))
        #expect(!screen.lines.joined().contains("子账号"))
    }
}
