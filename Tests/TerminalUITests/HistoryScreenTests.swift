import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// What history and alerts put on screen: the Alerts pane, the trend column, the details' intraday
/// chart, the header's projection and history state, the Packages warning; as cell grids.
@Suite struct HistoryScreenTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15 08:00 UTC

    func data(_ change: (inout Snapshot) -> Void = { _ in }) async -> Snapshot {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(
            .accounts([
                Fixtures.account("alpha", usageGB: 9, limitGB: 10), Fixtures.account("beta", usageGB: 1, limitGB: 5),
                Fixtures.account("gamma", usageGB: 4, limitGB: 5),
            ]), at: now)
        await store.apply(.summary(Fixtures.summary()), at: now)
        var snapshot = await store.current
        change(&snapshot)
        snapshot.version += 1
        return snapshot
    }

    func render(_ snapshot: Snapshot, _ ui: UIState = UIState(), width: Int = 120, height: Int = 30) -> CellBuffer {
        renderDashboard(snapshot, ui, now: now, width: width, height: height)
    }

    func text(_ buffer: CellBuffer) -> String { (0..<buffer.height).map { buffer.line($0) }.joined(separator: "\n") }

    /// The first cell of `needle` in `buffer`, by display column.
    func find(_ needle: String, in buffer: CellBuffer) -> (x: Int, y: Int)? {
        for y in 0..<buffer.height {
            let line = buffer.line(y)
            if let range = line.range(of: needle) { return (DisplayWidth.columns(String(line[..<range.lowerBound])), y) }
        }
        return nil
    }

    func press(_ key: Key, _ ui: inout UIState, _ data: Snapshot) -> [Effect] {
        let layout = ScreenLayout(width: 120, height: 30)
        return ui.handle(key, snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: layout.body.height, now: now, layout: layout)
    }

    // MARK: Alerts pane

    @Test func theAlertsPaneListsEachStateInItsColourWithValueAndTimes() async throws {
        let snapshot = await data { $0.alerts.all = sampleAlerts(at: now) }
        var ui = UIState()
        ui.tab = .alerts
        ui.alerts.selected = 1  // the active row is drawn in its own colour, not the selection's
        let buffer = render(snapshot, ui, width: 140)
        let all = text(buffer)
        #expect(all.contains("9 Alerts (1)"), "\(buffer.line(1))")
        let active = try #require(find("ACTIVE", in: buffer))
        #expect(buffer.role(active.x, active.y) == .warning)
        #expect(buffer.line(active.y).contains("usage") && buffer.line(active.y).contains("93% ≥ 90%"))
        #expect(buffer.line(active.y).contains("alpha has used 93% of its limit"))
        #expect(buffer.line(active.y).contains("2027-01-15 07:50"))
        let past = try #require(find("past", in: buffer))
        #expect(buffer.role(past.x, past.y) == .dim)
        #expect(buffer.line(past.y).contains("80.5 GB ≤ 100 GB"))
        #expect(buffer.line(past.y).contains("2027-01-14 08:00") && buffer.line(past.y).contains("2027-01-15 07:00"))
        #expect(find("ack", in: buffer) != nil)
        #expect(buffer.line(try #require(find("ack ", in: buffer)).y).contains("2d ≤ 3d"))
    }

    @Test func noAlertsSaysHowToConfigureThem() async {
        var ui = UIState()
        ui.tab = .alerts
        let all = text(render(await data(), ui))
        #expect(all.contains("No alerts."))
        #expect(all.contains("config.toml, under [alerts]"))
        #expect(all.split(separator: "\n")[1].hasSuffix(" 9 Alerts"))  // no count without active alerts
    }

    @Test func aAcknowledgesTheSelectedAlertAndAAllActiveOnesEvenReadOnly() async {
        var data = await data {
            $0.alerts.all = sampleAlerts(at: now)
            $0.alerts.all.append(
                Alert(id: 7, kind: .spike, subject: "beta", profile: "p", value: 6, threshold: 5, message: "spike", at: now))
        }
        data.readOnly = true
        var ui = UIState()
        ui.tab = .alerts
        #expect(press(.character("a"), &ui, data) == [.acknowledge(alertID: 3, profile: "default")])
        ui.alerts.selected = 1
        #expect(press(.character("a"), &ui, data).isEmpty)  // already acknowledged
        #expect(ui.flash?.text == "Already acknowledged.")
        #expect(
            press(.character("A"), &ui, data) == [
                .acknowledge(alertID: 3, profile: "default"), .acknowledge(alertID: 7, profile: "default"),
            ])
        #expect(KeyBinding.available(readOnly: true).contains { $0.keys == "a" && $0.scope == .pane(.alerts) })
    }

    @Test func aDashboardThatOnlyReadsTheHistorySaysWhereToAcknowledge() async {
        let data = await data {
            $0.alerts.all = sampleAlerts(at: now)
            $0.history.status = .reading(holder: "pid 4242 (proxylite-top)")
        }
        var ui = UIState()
        ui.tab = .alerts
        #expect(press(.character("a"), &ui, data).isEmpty)
        #expect(ui.flash?.text.contains("pid 4242") == true)
        #expect(press(.character("A"), &ui, data).isEmpty)
    }

    @Test func theNotificationTextHasNoControlCharacters() {
        let alert = Alert(
            id: 1, kind: .usagePercent, subject: "evil\u{1B}]0;x\u{07}", profile: "p", value: 95, threshold: 90,
            message: "line\nbreak\u{9C}\u{7F} done", at: now)
        let osc = AlertText.osc([alert, alert])
        #expect(osc.hasPrefix("\u{1B}]9;proxylite-top: 2 alerts: evil]0;x: line break done (+1 more)\u{07}"))
        #expect(osc.hasSuffix("\u{1B}]777;notify;proxylite-top: 2 alerts;evil]0;x: line break done (+1 more)\u{07}"))
        // Exactly the two sequences' own controls.
        #expect(osc.unicodeScalars.filter { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }.count == 4)
    }

    // MARK: Trend column

    @Test func theTrendColumnDrawsEachRowsSparklineScaledToItsOwnMaximum() async throws {
        let snapshot = await data {
            $0.history.sparklines = [
                "alpha": (0..<24).map { Int64($0 + 1) << 20 },  // rising
                "beta": Array(repeating: 0, count: 24),
            ]
            $0.history.spiking = ["alpha"]
        }
        var ui = UIState()
        ui.accountColumns = [.username, .rate, .trend]
        ui.accounts.selected = 2  // not alpha's row: the selection has a colour of its own
        let buffer = render(snapshot, ui)
        let header = try #require(find("24H", in: buffer))
        let alpha = try #require(find("alpha", in: buffer))
        let cells = (header.x..<header.x + 12).map { buffer[$0, alpha.y].text }.joined()
        #expect(cells.hasSuffix("█") && cells.first == "▁", "\(cells)")
        #expect(cells.count == 12)
        let beta = try #require(find("beta", in: buffer))
        #expect(buffer[header.x, beta.y].text == "▁")  // idle, but recorded
        let gamma = try #require(find("gamma", in: buffer))
        #expect(buffer[header.x, gamma.y].text == "·" && buffer.role(header.x, gamma.y) == .dim)  // no data
        // The spiking account's rate is marked.
        let spike = try #require(find("▲", in: buffer))
        #expect(spike.y == alpha.y && buffer.role(spike.x, spike.y) == .warning)
        // CSV: the 24 hours' total, without separators; empty without data.
        let context = ColumnContext.dashboard(
            RenderContext(
                snapshot: snapshot, ui: ui, lists: VisibleLists.compute(snapshot, ui), now: now, zone: TimeZone(identifier: "UTC")!))
        let column = AccountsColumns.column(.trend)
        let rows = try #require(snapshot.accounts.value)
        #expect(column.rawValue(rows[0], UnreadableFields(), context) == String(Int64(300) << 20))
        #expect(column.rawValue(rows[2], UnreadableFields(), context) == "")
        #expect(!AccountColumn.defaults.contains(.trend) && AccountColumn.allCases.last == .trend)
    }

    @Test func sortingByTrendUsesThe24HourTotal() async {
        let snapshot = await data {
            $0.history.sparklines = ["alpha": [1, 1], "beta": [5, 5], "gamma": [3]]
        }
        var ui = UIState()
        ui.accountSort = AccountSort(column: .trend)
        let rows = snapshot.accounts.value ?? []
        #expect(VisibleLists.compute(snapshot, ui).accounts.map { rows[$0].account.username } == ["beta", "gamma", "alpha"])
        ui.accountSort.descending = false
        #expect(VisibleLists.compute(snapshot, ui).accounts.map { rows[$0].account.username } == ["alpha", "gamma", "beta"])
    }

    @Test func eightyColumnsWithTheTrendColumnDrawNothingPastTheEdge() async {
        let snapshot = await data { $0.history.sparklines = ["alpha": (0..<24).map { Int64($0) }] }
        var ui = UIState()
        ui.accountColumns = AccountColumn.allCases
        let buffer = render(snapshot, ui, width: 80, height: 24)
        #expect(buffer.width == 80)
        #expect(text(buffer).contains("alpha"))
        for y in 0..<buffer.height { #expect(DisplayWidth.columns(buffer.line(y)) <= 80) }
    }

    // MARK: Details

    func intraday(_ day: [Int64], week: [Int64]? = nil) -> Intraday {
        let week = week ?? Array(repeating: 0, count: 2016 - day.count) + day
        return Intraday(username: "alpha", start: now.addingTimeInterval(-7 * 86_400), day: day, week: week)
    }

    @Test func theDetailsChartTheDayAndWWeek() async throws {
        var day = Array(repeating: Int64(0), count: 288)
        day[287] = 300 << 20
        day[0] = 100 << 20
        let snapshot = await data {
            $0.history.status = .writing
            $0.history.intraday = intraday(day)
        }
        var ui = UIState()
        ui.overlay = .accountDetail(username: "alpha")
        let buffer = render(snapshot, ui, width: 120, height: 40)
        let all = text(buffer)
        // 288 buckets into 120-6-2-9 = 103 columns at most: 3 buckets (15 min) a bar.
        #expect(all.contains("Usage over 24 h, 15 min a bar (w: 7 d)"), "\(all)")
        #expect(all.contains("300 MB") || all.contains("500 MB"))  // the y scale, in bytes
        #expect(all.contains("08:00"))  // the day's first bucket, as a time
        _ = press(.character("w"), &ui, snapshot)
        #expect(ui.accountsPane.intradayWeek)
        let week = text(render(snapshot, ui, width: 120, height: 40))
        #expect(week.contains("Usage over 7 d, 2 h a bar (w: 24 h)"), "\(week)")  // 2 016 buckets in 84 bars
        #expect(week.contains("01-08"))  // the week's first day
    }

    @Test func theDetailsSayWhenThereIsNoHistory() async {
        var ui = UIState()
        ui.overlay = .accountDetail(username: "alpha")
        let off = text(render(await data { $0.history.status = .off }, ui, width: 120, height: 40))
        #expect(off.contains("history is off"))
        let empty = await data {
            $0.history.status = .writing
            $0.history.intraday = intraday(Array(repeating: 0, count: 288))
        }
        #expect(text(render(empty, ui, width: 120, height: 40)).contains("no history yet: kept from the first poll on"))
        let failed = await data { $0.history.status = .failed("disk full") }
        #expect(text(render(failed, ui, width: 120, height: 40)).contains("history off: disk full"))
    }

    @Test func theDownsampleSumsWholeBucketsSoTotalsStayHonest() {
        let (columns, per) = AccountDetailOverlay.downsample(Array(repeating: 1, count: 288), width: 100)
        #expect(per == 3 && columns.count == 96 && columns.allSatisfy { $0 == 3 })
        // A round span: 2 016 buckets in 100 columns need 21 a bar; 2 hours (24) it is.
        #expect(AccountDetailOverlay.downsample(Array(repeating: 1, count: 2016), width: 100).1 == 24)
        #expect(AccountDetailOverlay.downsample(Array(repeating: 2, count: 2016), width: 100).0.reduce(0, +) == 4032)
    }

    // MARK: Header

    func projected(_ snapshot: inout Snapshot) {
        snapshot.history.projection = TrafficProjection(
            leftBytes: 812 << 30, ratePerSecond: 1e6, runsOutAt: Date(timeIntervalSince1970: 1_802_592_000),  // 14 Feb 2027
            expiringUnused: 3 << 30)
    }

    @Test func theHeaderShowsTheProjectionAlertsAndHistoryState() async throws {
        let snapshot = await data {
            projected(&$0)
            $0.alerts.all = sampleAlerts(at: now)
            $0.history.status = .failed("disk full")
        }
        let wide = render(snapshot, width: 160)
        let header = wide.line(0)
        #expect(header.contains("1 alert · history off: disk full · left 812 GB · runs out 14 Feb at 24h rate"), "\(header)")
        #expect(header.contains("expiring 7d"))
        let warning = try #require(find("history off", in: wide))
        #expect(wide.role(warning.x, 0) == .warning)
        #expect(wide.role(try #require(find("1 alert", in: wide)).x, 0) == .warning)

        let at120 = render(snapshot, width: 120).line(0)
        #expect(at120.contains("1 alert · history off: disk full · left 812 GB"), "\(at120)")
        // At 80: the least important parts go first; what stays is whole.
        let at80 = render(snapshot, width: 80).line(0)
        #expect(at80.contains("1 alert · history off: disk full"), "\(at80)")
        #expect(!at80.contains("expired") && !at80.contains("used "))
        #expect(DisplayWidth.columns(at80) <= 75)
    }

    @Test func theHeaderSaysWhenAnotherDashboardWritesHistory() async {
        let snapshot = await data {
            projected(&$0)
            $0.history.status = .reading(holder: "pid 42")
        }
        let header = render(snapshot, width: 200).line(0)
        #expect(header.contains("history: read-only (another proxylite-top writes)"), "\(header)")
        #expect(render(snapshot, width: 120).line(0).contains("left 812 GB · runs out 14 Feb at 24h rate"))
        let writing = await data { $0.history.status = .writing }
        #expect(!render(writing, width: 200).line(0).contains("history"))
    }

    @Test func packagesWarnOfTrafficThatWillExpireUnused() async throws {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(.packages([]), at: now)
        await store.apply(.summary(Fixtures.summary()), at: now)
        var snapshot = await store.current
        projected(&snapshot)
        var ui = UIState()
        ui.tab = .packages
        let buffer = render(snapshot, ui)
        let warning = try #require(find("≈ 3 GB of the traffic expiring within 7 days will go unused at the last 24 h's rate", in: buffer))
        #expect(buffer.role(warning.x, warning.y) == .warning)
    }
}
