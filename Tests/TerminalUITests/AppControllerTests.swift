import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// The app controller in memory: events in, effects out, frames drawn — what the curses loop
/// used to decide itself (which data to start polling, whose traffic to follow) included.
@Suite struct AppControllerTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let t0 = ContinuousClock.now
    let layout = ScreenLayout(width: 120, height: 30)

    func data() async -> Snapshot {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(
            .accounts([Fixtures.account("alpha", usageGB: 9, limitGB: 10), Fixtures.account("beta", usageGB: 1, limitGB: 5)]),
            at: now)
        return await store.current
    }

    func keys(_ text: String) -> AppEvent { .keys(text.map { Key.character($0) }, layout: layout) }

    @Test func openingAPaneAsksForItsDataOnce() async {
        var app = DashboardDriver(ui: UIState(), snapshot: await data())
        let moment = AppMoment(now: now, uptime: t0)
        #expect(app.handle(.tick, at: moment).isEmpty)  // the accounts pane needs nothing on demand
        let whitelist = app.handle(keys("6"), at: moment)
        #expect(whitelist.contains(.need(.whitelist)) && whitelist.contains(.need(.packages)))
        let again = app.handle(keys("16"), at: moment)
        #expect(!again.contains(.need(.whitelist)))
        // Packages were asked for already; the catalogue (what a package renews with) is new.
        #expect(app.handle(keys("5"), at: moment).filter { if case .need = $0 { true } else { false } } == [.need(.catalogue)])
    }

    @Test func theFlowPaneFollowsTheFocusedAccount() async {
        var app = DashboardDriver(ui: UIState(), snapshot: await data())
        let moment = AppMoment(now: now, uptime: t0)
        #expect(app.handle(keys("2"), at: moment).contains(.showFlow("alpha")))
        #expect(app.handle(.keys([.down], layout: layout), at: moment).contains(.showFlow("beta")))
        #expect(!app.handle(.tick, at: moment).contains(.showFlow("beta")))  // asked once
    }

    @Test func aFileWrittenIsReportedInTheFlashLine() async {
        var app = DashboardDriver(ui: UIState(), snapshot: await data())
        let moment = AppMoment(now: now, uptime: t0)
        _ = app.handle(.fileWritten(path: "/tmp/endpoints.txt", error: "No space left on device"), at: moment)
        let frame = app.frame(width: 120, height: 30, now: now, uptime: t0)
        let text = frame.map { f in (0..<f.height).map { f.line($0) }.joined(separator: "\n") } ?? ""
        #expect(text.contains("No space left on device"))
    }

    @Test func nothingChangedMeansNoFrame() async {
        var app = DashboardDriver(ui: UIState(), snapshot: await data())
        let moment = AppMoment(now: now, uptime: t0)
        #expect(app.frame(width: 120, height: 30, now: now, uptime: t0) != nil)
        #expect(app.frame(width: 120, height: 30, now: now, uptime: t0) == nil)
        _ = app.handle(.tick, at: moment)
        #expect(app.frame(width: 120, height: 30, now: now, uptime: t0) != nil)
    }

    /// A poll that shortens the list under a selection at its end follows the row the screen
    /// will show (the new last one), not "nobody".
    @Test func aShorterListKeepsFollowingTheRowOnScreen() async {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(
            .accounts([Fixtures.account("alpha", usageGB: 9, limitGB: 10), Fixtures.account("beta", usageGB: 1, limitGB: 5)]),
            at: now)
        var app = DashboardDriver(ui: UIState(), snapshot: await store.current)
        let moment = AppMoment(now: now, uptime: t0)
        _ = app.handle(keys("2"), at: moment)
        #expect(app.handle(.keys([.end], layout: layout), at: moment).contains(.showFlow("beta")))
        await store.apply(.accounts([Fixtures.account("alpha", usageGB: 9, limitGB: 10)]), at: now)
        let effects = app.handle(.snapshot(await store.current), at: moment)
        #expect(effects.contains(.showFlow("alpha")))
        #expect(!effects.contains(.showFlow(nil)))
    }
}

extension AppControllerTests {
    /// Enter, then another key in the same read: in a confirmation it is the user's Enter, not a
    /// pasted newline (the heuristic for terminals without bracketed paste applies to list fields).
    @Test func aFastEnterInAConfirmationIsAnEnter() async throws {
        var app = DashboardDriver(ui: UIState(), snapshot: await data())
        let opened = AppMoment(now: now, uptime: t0)
        _ = app.handle(keys("d"), at: opened)
        guard case .confirm = app.ui.dialog else {
            Issue.record("d did not open the confirmation")
            return
        }
        _ = app.frame(width: 120, height: 30, now: now, uptime: t0 + .seconds(1))  // shown and settled
        let effects = app.handle(.keys([.tab, .enter, .character("r")], layout: layout), at: AppMoment(now: now, uptime: t0 + .seconds(1)))
        #expect(effects.contains { if case .run(_, .disable(["alpha"]), _) = $0 { true } else { false } }, "\(effects)")
    }
}
