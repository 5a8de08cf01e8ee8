import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI
import TestSupport
import Testing

/// Whole screens rendered from snapshot fixtures into a cell grid.
@Suite struct ScreenTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func snapshot(failing: Bool = false) async -> Snapshot {
        let store = Store(source: "test", readOnly: false) { _ in }
        await store.apply(
            .accounts([
                Fixtures.account("alpha", usageGB: 9.6, limitGB: 10, remark: "代理账户"),
                Fixtures.account("beta", usageGB: 1, limitGB: 0, enabled: false, remark: "👍 ok"),
                Fixtures.account("gamma", usageGB: 4, limitGB: 5),
            ]), at: now.addingTimeInterval(-60))
        await store.apply(.summary(Fixtures.summary()), at: now.addingTimeInterval(-60))
        await store.apply(
            .staticIPs([
                Fixtures.staticIP("1.2.3.4", expires: "2027-01-01 00:00:00"),
                Fixtures.staticIP("5.6.7.8", expires: "2027-01-17 10:00:00", status: 3, extra: #","mystery_field":"kept""#, id: 8),
            ]), at: now)
        await store.apply(.orders([Fixtures.order("T-unpaid", status: 0), Fixtures.order("T-paid", status: 1)]), at: now)
        await store.apply(
            .flow(whole: (1...30).map { DailyFlow(day: "2027-01-\($0 < 10 ? "0" : "")\($0)", bytes: Int64($0) << 30) }, account: nil),
            at: now)
        if failing {
            await store.apply(
                .failed(.accounts, ProxyLiteError(.httpStatus(503), endpoint: "x", message: "HTTP 503")), at: now,
                nextAttempt: now.addingTimeInterval(10))
        }
        return await store.current
    }

    func render(_ snapshot: Snapshot, _ ui: UIState = UIState(), width: Int = 120, height: Int = 30) -> CellBuffer {
        renderDashboard(snapshot, ui, now: now, width: width, height: height)
    }

    @Test func accountsPane() async {
        let screen = render(await snapshot())
        #expect(screen.line(0).hasPrefix(" proxylite-top default ● live · "))  // the one profile, by its name
        #expect(screen.line(0).contains("left 512 MB (3)"))
        #expect(screen.line(1).contains("1 Accounts") && screen.line(1).contains("4 Orders"))
        #expect(screen.line(2).hasPrefix(" Accounts 3 / 3"))
        #expect(screen.line(3).hasPrefix("USERNAME"))
        // Sorted by usage, largest first; the selected first row is painted.
        #expect(screen.line(4).hasPrefix("alpha"))
        #expect(screen.role(0, 4) == .selected)
        #expect(screen.line(4).contains("96%"))
        #expect(screen.line(6).hasPrefix("beta") && screen.line(6).contains("∞"))
        #expect(screen.role(0, 6) == .dim)  // disabled
        // A wide remark keeps the next column in place.
        let created = screen.lines[3].range(of: "CREATED")!.lowerBound
        let column = screen.lines[3].distance(from: screen.lines[3].startIndex, to: created)
        #expect(screen.line(4).contains("代理账户"))
        for row in 4...6 {
            let line = screen.lines[row]
            let date = line.range(of: "2026-01-0")!.lowerBound
            #expect(DisplayWidth.columns(String(line[..<date])) == column)
        }
        #expect(screen.line(29).contains("q quit"))
    }

    @Test func gaugeColoursFollowUsage() async {
        let screen = render(await snapshot())
        let header = screen.lines[3]
        let x = header.distance(from: header.startIndex, to: header.range(of: "USE%")!.lowerBound)
        #expect(screen.role(x, 5) == .gaugeMid)  // gamma, 80 %
        var ui = UIState()
        ui.accounts.selected = 2
        #expect(render(await snapshot(), ui).role(x, 4) == .gaugeHigh)  // alpha, 96 %, no longer selected
    }

    @Test func staleDataStaysWithItsAge() async {
        let screen = render(await snapshot(failing: true))
        #expect(screen.line(0).contains("◐ stale 1m (HTTP 503)"))
        #expect(screen.line(2).contains("stale 1m: HTTP 503"))
        #expect(screen.line(4).hasPrefix("alpha"))
    }

    @Test func filterAndSortFromUIState() async {
        var ui = UIState()
        ui.accountFilter = "代理"
        let filtered = render(await snapshot(), ui)
        #expect(filtered.line(2).hasPrefix(" Accounts 1 / 3  filter “代理”"))
        ui.accountFilter = ""
        ui.accountSort = AccountSort(column: .username, descending: true)
        let sorted = render(await snapshot(), ui)
        #expect(sorted.line(4).hasPrefix("gamma") && sorted.line(6).hasPrefix("alpha"))
    }

    @Test func staticIPsAndTheirRawFields() async {
        var ui = UIState()
        ui.tab = .staticIPs
        let screen = render(await snapshot(), ui)
        #expect(screen.line(2).hasPrefix(" Static IPs 2 / 2"))
        #expect(screen.line(4).hasPrefix("1.2.3.4"))
        ui.overlay = .staticIPDetail(identity: "id 8")
        let detail = render(await snapshot(), ui).description
        #expect(detail.contains("mystery_field") && detail.contains("kept"))
        #expect(detail.contains("••••••") && !detail.contains("\"p\""))
    }

    @Test func ordersStandOutWhenUnpaid() async {
        var ui = UIState()
        ui.tab = .orders
        let screen = render(await snapshot(), ui)
        #expect(screen.line(2).contains("1 awaiting payment"))
        let unpaidRow = (4...5).first { screen.line($0).hasPrefix("T-unpaid") }!
        #expect(screen.line(unpaidRow).contains("unpaid"))
        ui.orders.selected = unpaidRow == 4 ? 1 : 0
        #expect(render(await snapshot(), ui).role(0, unpaidRow) == .warning)
    }

    @Test func flowChart() async {
        var ui = UIState()
        ui.tab = .flow
        let screen = render(await snapshot(), ui, height: 30)
        #expect(screen.line(2).contains("last 30 days · total 465 GB"))
        #expect(screen.description.contains("█"))
        #expect(screen.description.contains("01-30"))
        ui.flowDays = 7
        #expect(render(await snapshot(), ui).line(2).contains("last 7 days · total 189 GB"))
    }

    @Test(arguments: [(40, 10), (59, 30), (120, 11), (1, 1), (0, 0)])
    func tooSmallSaysWhatItNeeds(width: Int, height: Int) async {
        let screen = render(await snapshot(), width: width, height: height)
        if width >= 20, height >= 3 {
            #expect(screen.description.contains("Terminal too small"))
            #expect(screen.description.contains("needs 60×12"))
        }
        #expect(screen.width == width && screen.height == height)
    }

    @Test func helpListsThePaneKeys() async {
        var ui = UIState()
        ui.overlay = .help
        let text = render(await snapshot(), ui).description
        #expect(text.contains("sort by next column") && text.contains("quit"))
    }

    @Test func everySizeRendersWithoutTrouble() async {
        let data = await snapshot()
        for tab in Tab.allCases {
            var ui = UIState()
            ui.tab = tab
            for (w, h) in [(60, 12), (61, 13), (80, 24), (200, 60)] {
                let screen = render(data, ui, width: w, height: h)
                #expect(screen.lines.allSatisfy { DisplayWidth.columns($0) == w })
            }
        }
    }
}
