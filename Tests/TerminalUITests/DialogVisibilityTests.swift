import Foundation
import Monitor
import TerminalUI
import TestSupport
import Testing

/// A confirmation the terminal is too small to show (it shows "Terminal too small" instead)
/// cannot be answered, and once it comes into view it settles again before y or Enter count.
/// Without the rule the keystroke fuzz finds it within 100 000 keys (seed 5: the window shrank,
/// hiding the dialog, and a y still confirmed it).
@Suite struct DialogVisibilityTests {
    func driver() async -> DashboardDriver {
        DisplayWidth.prepareLocale()
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(.accounts([Fixtures.account("alpha"), Fixtures.account("beta")]), at: Date())
        return DashboardDriver(ui: UIState(), snapshot: await store.current)
    }

    func writes(_ effects: [Effect]) -> [Effect] {
        effects.filter {
            if case .run(_, let command, _) = $0 { return command.isWrite }
            return false
        }
    }

    @Test func aHiddenDialogTakesNoAnswerAndSettlesWhenShown() async {
        var driver = await driver()
        let big = ScreenLayout(width: 120, height: 40)
        let small = ScreenLayout(width: 50, height: 10)
        let t0 = ContinuousClock.now
        let now = Date()
        _ = driver.frame(width: 120, height: 40, now: now, uptime: t0)
        _ = driver.handle([.character("d")], layout: big, now: now, uptime: t0) { 0 }
        #expect(driver.ui.dialog != nil)
        // The window shrinks: the dialog is not drawn.
        let tiny = driver.frame(width: 50, height: 10, now: now, uptime: t0)
        #expect(tiny?.description.contains("Terminal too small") == true)
        #expect(driver.ui.dialogGuard?.hidden == true)
        // Long after it opened, y does nothing while it cannot be seen.
        #expect(writes(driver.handle([.character("y")], layout: small, now: now, uptime: t0 + .seconds(2)) { 0 }).isEmpty)
        #expect(driver.ui.dialog != nil)
        #expect(DashboardLoop.nextWake(ui: driver.ui, snapshot: driver.snapshot, now: now, uptime: t0 + .seconds(2)) == nil)
        // The window grows back: it is drawn, and settles from now.
        let shown = driver.frame(width: 120, height: 40, now: now, uptime: t0 + .seconds(2))
        #expect(shown?.description.contains("Disable sub-accounts") == true)
        #expect(writes(driver.handle([.character("y")], layout: big, now: now, uptime: t0 + .milliseconds(2100)) { 0 }).isEmpty)
        _ = driver.frame(width: 120, height: 40, now: now, uptime: t0 + .milliseconds(2300))
        let sent = writes(driver.handle([.character("y")], layout: big, now: now, uptime: t0 + .milliseconds(2300)) { 0 })
        #expect(sent.count == 1)
    }
}
