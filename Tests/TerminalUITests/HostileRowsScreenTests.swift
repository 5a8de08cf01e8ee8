import Foundation
import Monitor
import ProxyLiteAPI
import ProxyLiteSimulator
import TerminalUI
import TestSupport
import Testing

/// The dashboard against a simulator that serves hostile rows: nothing traps, every row is on
/// screen, a value that could not be read shows as `?` and each pane says how many there are.
@Suite struct HostileRowsScreenTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let layout = ScreenLayout(width: 160, height: 60)

    func hostileSnapshot() async throws -> Snapshot {
        var faults = FaultPlan()
        faults.hostileRows = 0.5
        faults.hostileSeed = 11
        let store = Store(source: "t", readOnly: false) { _ in }
        try await withSimulator(testWorld(accounts: 30, faults: faults)) { _, client in
            // Twice, a minute apart: rates and times to the limit come from the difference.
            await store.apply(.accounts(try await client.accounts()), at: now.addingTimeInterval(-60))
            await store.apply(.accounts(try await client.accounts()), at: now)
            await store.apply(.staticIPs(try await client.allStaticIPs()), at: now)
            await store.apply(.orders(try await client.allOrders()), at: now)
            await store.apply(.packages(try await client.allPackages()), at: now)
            await store.apply(.summary(try await client.packageSummary()), at: now)
            let flow = try await client.dailyFlow(client.flowRange(lastDays: 30, endingAt: now))
            await store.apply(.flow(whole: flow, account: nil), at: now)
        }
        return await store.current
    }

    func screen(_ data: Snapshot, _ tab: Tab) -> [String] {
        var ui = UIState()
        ui.tab = tab
        let buffer = renderDashboard(data, ui, now: now, width: layout.width, height: layout.height)
        return (0..<buffer.height).map(buffer.line)
    }

    @Test func everyPaneShowsEveryRowAQuestionMarkAndTheCount() async throws {
        let data = try await hostileSnapshot()
        let panes: [(Tab, String, Int)] = [
            (.accounts, "Accounts", data.accounts.value?.count ?? 0), (.staticIPs, "Static IPs", data.staticIPs.value?.count ?? 0),
            (.orders, "Orders", data.orders.value?.count ?? 0), (.packages, "Packages", data.packages.value?.count ?? 0),
        ]
        #expect(panes.map(\.2) == [30, 25, 30, 10])
        for (tab, title, count) in panes {
            let lines = screen(data, tab)
            let titleLine = try #require(
                lines.first { $0.contains("\(title) \(count) / \(count)") }, "\(title): \(lines.joined(separator: "\n"))")
            #expect(titleLine.contains("unreadable"), "\(titleLine)")
            #expect(lines.contains { $0.contains(" ? ") || $0.hasSuffix(" ?") }, "\(title) shows no ?")
        }
        _ = screen(data, .flow)
    }

    @Test func aRowWithoutItsIdentityCannotBeMarkedOrChanged() async throws {
        let nameless = Fixtures.decode(SubAccount.self, #"{"id":9,"usage_flow":10,"limit_flow":1}"#)
        let named = Fixtures.account("alice")
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(.accounts([nameless, named]), at: now)
        let data = await store.current
        var ui = UIState()
        let rows = data.accounts.value ?? []
        let position = try #require(VisibleLists.compute(data, ui).accounts.firstIndex { !rows[$0].account.hasIdentity })
        for key in [Key.character(" "), .character("d"), .character("D"), .character("l")] {
            ui.accounts.selected = position
            _ = ui.handle(key, snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: 36, now: now, layout: layout)
            #expect(ui.accountMarks.isEmpty && ui.dialog == nil)
            #expect(ui.flash?.text.contains("could not be read") == true, "\(key): \(ui.flash?.text ?? "")")
        }
        _ = ui.handle(.character("*"), snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: 36, now: now, layout: layout)
        #expect(ui.accountMarks == ["alice"])
    }
}
