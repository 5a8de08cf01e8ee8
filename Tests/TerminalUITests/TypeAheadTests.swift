import Foundation
import Monitor
import TestSupport
import Testing

@testable import TerminalUI

/// Keys on their way when a dialog opened never answer it: the rest of the read is dropped,
/// pending input too, and `y`/Enter wait 250 ms on an injected monotonic clock.
@Suite struct TypeAheadTests {
    let layout = ScreenLayout(width: 120, height: 40)
    let now = Date()
    let t0 = ContinuousClock.now

    func snapshot() async -> Snapshot {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(.accounts((1...5).map { Fixtures.account("user\($0)", usageGB: Double($0)) }), at: now)
        return await store.current
    }

    /// One read's keys at `uptime`; `pending` keys were still waiting on stdin.
    @discardableResult
    func read(
        _ keys: [Key], _ ui: inout UIState, _ data: Snapshot, at uptime: ContinuousClock.Instant, pending: Int = 0
    ) -> [Effect] {
        ui.handle(
            batch: keys, snapshot: data, lists: { VisibleLists.compute(data, $0) }, bodyRows: layout.body.height, now: now,
            uptime: uptime, layout: layout, dropPending: { pending })
    }

    func sent(_ effects: [Effect]) -> [Command] { effects.compactMap { if case .run(_, let c, _) = $0 { c } else { nil } } }

    @Test func aWordTypedAheadDoesNotDisableTheAccount() async throws {
        let data = await snapshot()
        var ui = UIState()
        let effects = read("dey".map(Key.character), &ui, data, at: t0, pending: 3)
        #expect(sent(effects).isEmpty)
        guard case .confirm(let dialog) = ui.dialog else {
            Issue.record("expected the confirmation, got \(String(describing: ui.dialog))")
            return
        }
        #expect(dialog.command == .disable(["user5"]))
        // "e" and "y" after the d, and the 3 keys still on stdin.
        #expect(ui.dialogGuard?.ignored == 5)
        #expect(ui.dialogGuard?.note == "5 keys typed ahead were ignored.")
    }

    @Test func yAndEnterWaitAQuarterSecond() async {
        let data = await snapshot()
        var ui = UIState()
        read([.character("d")], &ui, data, at: t0)
        #expect(ui.dialogGuard?.ignored == 0)
        #expect(sent(read([.character("y")], &ui, data, at: t0 + .milliseconds(100))).isEmpty)
        #expect(sent(read([.tab, .enter], &ui, data, at: t0 + .milliseconds(249))).isEmpty)
        guard case .confirm(let dialog) = ui.dialog else {
            Issue.record("the early keys closed the dialog")
            return
        }
        #expect(dialog.confirmFocused)  // Tab still moves: only y and Enter wait
        #expect(ui.dialogGuard?.ignored == 2)
        #expect(sent(read([.character("y")], &ui, data, at: t0 + .milliseconds(250))) == [.disable(["user5"])])
    }

    @Test func theTypedDeleteStepIsGuardedToo() async {
        let data = await snapshot()
        var ui = UIState()
        read([.character("D")], &ui, data, at: t0)
        // The second step opens on y; the name and Enter typed on in the same read are dropped.
        read([.character("y")] + "user5".map(Key.character) + [.enter], &ui, data, at: t0 + .seconds(1))
        guard case .typed(let typed) = ui.dialog else {
            Issue.record("expected the typed confirmation, got \(String(describing: ui.dialog))")
            return
        }
        #expect(typed.text.isEmpty)
        #expect(ui.dialogGuard?.ignored == 6)
    }

    @Test func keysBeforeTheOpeningKeyStillCount() async {
        let data = await snapshot()
        var ui = UIState()
        // Down moves to user4, then d opens; the y after it is dropped.
        read([.down, .character("d"), .character("y")], &ui, data, at: t0)
        guard case .confirm(let dialog) = ui.dialog else {
            Issue.record("expected the confirmation")
            return
        }
        #expect(dialog.command == .disable(["user4"]))
        #expect(ui.dialogGuard?.ignored == 1)
    }

    @Test func armingWakesTheLoopAndChangesTheHint() async {
        let data = await snapshot()
        var ui = UIState()
        read([.character("d"), .character("x")], &ui, data, at: t0)
        let wake = DashboardLoop.nextWake(ui: ui, snapshot: data, now: now, uptime: t0 + .milliseconds(50))
        #expect(abs((wake?.timeIntervalSince(now) ?? 0) - 0.2) < 0.001)
        let settling = screen(data, ui)
        #expect(settling.contains("1 key typed ahead was ignored."))
        #expect(settling.contains("y and Enter answer in a moment"))
        #expect(!settling.contains("y confirm"))
        #expect(ui.dialogGuard?.arm(at: t0 + .milliseconds(249)) == false)
        #expect(ui.dialogGuard?.arm(at: t0 + .milliseconds(250)) == true)
        #expect(ui.dialogGuard?.arm(at: t0 + .milliseconds(300)) == false)  // once
        #expect(screen(data, ui).contains("y confirm"))
        #expect(DashboardLoop.nextWake(ui: ui, snapshot: data, now: now, uptime: t0 + .seconds(1)) == nil)
    }

    @Test func aReplyThatOpensADialogStartsTheGuard() async {
        let data = await snapshot()
        var ui = UIState()
        let before = ui.guardedDialog
        ui.dialog = .quit(ConfirmQuit(sending: 1))  // as a reply would open one
        #expect(ui.noteDialog(openedSince: before, uptime: t0) { 4 })
        #expect(ui.dialogGuard?.ignored == 4)
        #expect(read([.character("q")], &ui, data, at: t0 + .milliseconds(10)).isEmpty)  // a second q quits, but not yet
        ui.dialog = nil
        #expect(!ui.noteDialog(openedSince: "quit", uptime: t0) { 0 })
        #expect(ui.dialogGuard == nil)
    }

    func screen(_ data: Snapshot, _ ui: UIState) -> String {
        let buffer = renderDashboard(data, ui, now: now, width: 120, height: 40)
        return (0..<buffer.height).map(buffer.line).joined(separator: "\n")
    }
}
