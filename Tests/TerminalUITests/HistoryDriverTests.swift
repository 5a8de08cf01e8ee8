import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// What the controller asks of history: the sparklines of the rows on screen, the intraday series
/// of the account whose details are open, and a notification when alerts are raised.
@Suite struct HistoryDriverTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let t0 = ContinuousClock.now
    /// 30 rows: a body of 26, a table of 24 rows.
    let layout = ScreenLayout(width: 120, height: 30)
    var moment: AppMoment { AppMoment(now: now, uptime: t0) }

    /// 40 accounts, `u00` using the most.
    func data(count: Int = 40, version: Int = 1) async -> Snapshot {
        let store = Store(source: "t", readOnly: false) { _ in }
        let accounts = (0..<count).map { i in
            Fixtures.account(String(format: "u%02d", i), usageGB: Double(count - i), limitGB: 100)
        }
        await store.apply(.accounts(accounts), at: now)
        var snapshot = await store.current
        snapshot.version += version
        return snapshot
    }

    func names(_ range: Range<Int>) -> [String] { range.map { String(format: "u%02d", $0) } }

    func sparklines(_ effects: [Effect]) -> [[String]] {
        effects.compactMap { if case .sparklines(let names) = $0 { names } else { nil } }
    }

    func withTrend() -> UIState {
        var ui = UIState()
        ui.accountColumns = AccountColumn.defaults + [.trend]
        return ui
    }

    func keys(_ keys: [Key]) -> AppEvent { .keys(keys, layout: layout) }

    @Test func theRowsOnScreenAreAskedForWhenTheyChange() async {
        var app = DashboardDriver(ui: withTrend(), snapshot: await data())
        // The height is not known before the first frame or key: nothing yet.
        #expect(sparklines(app.followUps()).isEmpty)
        _ = app.frame(width: 120, height: 30, now: now, uptime: t0)
        #expect(sparklines(app.followUps()) == [names(0..<24)])
        #expect(sparklines(app.followUps()).isEmpty)  // once
        // Moving within the screen changes nothing; past its end scrolls by one row.
        #expect(sparklines(app.handle(keys([.down]), at: moment)).isEmpty)
        #expect(sparklines(app.handle(keys(Array(repeating: .down, count: 23)), at: moment)) == [names(1..<25)])
        // Reversing the sort shows other rows.
        let reversed = sparklines(app.handle(keys([.character("S")]), at: moment))
        #expect(reversed.count == 1 && reversed.first?.first == "u38")  // the selection (row 24) stays in view
        // A filter.
        _ = app.handle(keys([.character("/")]), at: moment)
        let filtered = sparklines(app.handle(keys([.character("u"), .character("0"), .character("5"), .enter]), at: moment))
        #expect(filtered.last == ["u05"])
        // A new snapshot that changes which rows are visible.
        _ = app.handle(keys([.escape]), at: moment)
        _ = app.handle(keys([.character("S")]), at: moment)
        _ = app.handle(keys([.home]), at: moment)
        _ = app.followUps()
        let fewer = sparklines(app.handle(.snapshot(await data(count: 3, version: 5)), at: moment))
        #expect(fewer == [names(0..<3)])
        // The same rows in a new snapshot: not asked again.
        #expect(sparklines(app.handle(.snapshot(await data(count: 3, version: 9)), at: moment)).isEmpty)
    }

    @Test func withoutTheTrendColumnNoSparklinesAreAskedFor() async {
        var app = DashboardDriver(ui: UIState(), snapshot: await data())
        _ = app.frame(width: 120, height: 30, now: now, uptime: t0)
        #expect(sparklines(app.followUps()).isEmpty)
        #expect(sparklines(app.handle(keys(Array(repeating: .down, count: 30)), at: moment)).isEmpty)
        // Nor from another pane.
        var other = DashboardDriver(ui: withTrend(), snapshot: await data())
        _ = other.handle(keys([.character("3")]), at: moment)
        #expect(sparklines(other.handle(keys([.down]), at: moment)).isEmpty)
        #expect(sparklines(other.handle(keys([.character("1")]), at: moment)) == [names(0..<24)])
    }

    @Test func openingDetailsAsksForTheAccountsIntradaySeriesAndClosingStopsIt() async {
        var app = DashboardDriver(ui: UIState(), snapshot: await data())
        #expect(!app.handle(.tick, at: moment).contains { if case .intraday = $0 { true } else { false } })
        _ = app.handle(keys([.down]), at: moment)
        #expect(app.handle(keys([.enter]), at: moment).contains(.intraday("u01")))
        #expect(!app.handle(keys([.character("w")]), at: moment).contains(.intraday("u01")))  // asked once
        #expect(app.handle(keys([.escape]), at: moment).contains(.intraday(nil)))
        #expect(!app.handle(.tick, at: moment).contains(.intraday(nil)))
    }

    @Test func newlyRaisedAlertsAskForANotificationOnce() async {
        var first = await data()
        first.alerts.raisedSequence = 4  // raised before this dashboard started: not rung again
        first.alerts.raised = sampleAlerts(at: now)
        var app = DashboardDriver(ui: UIState(), snapshot: first)
        #expect(!app.handle(.snapshot(first), at: moment).contains { if case .notify = $0 { true } else { false } })
        var next = first
        next.version += 1
        next.alerts.raisedSequence = 5
        next.alerts.raised = [sampleAlerts(at: now)[0]]
        #expect(app.handle(.snapshot(next), at: moment).contains(.notify([sampleAlerts(at: now)[0]])))
        next.version += 1
        #expect(!app.handle(.snapshot(next), at: moment).contains { if case .notify = $0 { true } else { false } })
    }

    @Test func theAlertsTabLabelCountsActiveAlertsAndClicksFindIt() async throws {
        var snapshot = await data()
        snapshot.alerts.all =
            sampleAlerts(at: now) + [
                Alert(id: 9, kind: .spike, subject: "u01", profile: "p", value: 9, threshold: 5, message: "x", at: now)
            ]
        let layout = ScreenLayout(width: 200, height: 30, badges: Panes.badges(snapshot))
        let hit = try #require(layout.tabBar(current: .accounts).hits.first { $0.tab == .alerts })
        let buffer = renderDashboard(snapshot, UIState(), now: now, width: 200, height: 30)
        let label = String(buffer.line(1).dropFirst(hit.range.lowerBound).prefix(hit.range.count))
        #expect(label.hasPrefix(" 9 Alerts (2)"))  // the line's trailing space is trimmed
        var ui = UIState()
        let click = Key.mouse(MouseEvent(kind: .press, x: hit.range.upperBound - 2, y: layout.tabs.y))
        _ = ui.handle(click, snapshot: snapshot, lists: VisibleLists.compute(snapshot, ui), bodyRows: 26, now: now, layout: layout)
        #expect(ui.tab == .alerts)
    }
}
