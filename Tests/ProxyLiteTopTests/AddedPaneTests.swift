import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI
@testable import proxylite_top

/// The pane recipe, proved from a test target: a pane over data already polled, in its own
/// folder (`AddedPane/`), registered with one line, gets a tab, a number key, the picker, help,
/// the footer, moves and clicks — and nothing under Sources/ changes.
@Suite struct AddedPaneTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date()

    func snapshot() async throws -> Snapshot {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            await store.apply(.staticIPs(try await client.staticIPs(page: 1).items), at: now)
            return await store.current
        }
    }

    func press(_ keys: [Key], _ ui: inout UIState, _ data: Snapshot) {
        let layout = ScreenLayout(width: 140, height: 40)
        for key in keys {
            _ = ui.handle(
                key, snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: layout.body.height, now: now, layout: layout)
        }
    }

    func text(_ data: Snapshot, _ ui: UIState) -> String {
        var ui = ui
        let lists = VisibleLists.compute(data, ui)
        ui.clamp(lists, bodyRows: ScreenLayout(width: 140, height: 40).body.height)
        let screen = DashboardScreen.render(
            RenderContext(snapshot: data, ui: ui, lists: lists, now: now, zone: TimeZone(identifier: "UTC")!), width: 140, height: 40)
        return (0..<screen.height).map { screen.line($0) }.joined(separator: "\n")
    }

    @Test func aPaneRegisteredFromOutsideIsAFullPane() async throws {
        let data = try await snapshot()
        try Panes.$added.withValue([ExpiringPane.self]) {
            #expect(Tab.allCases.count == 11)
            var ui = UIState()
            #expect(text(data, ui).contains("11 Expiring"))  // the tab bar
            press([.backTab], &ui, data)  // the last pane (the number keys stop at nine)
            #expect(ui.tab == ExpiringPane.tab)
            let screen = text(data, ui)
            let ips = data.staticIPs.value ?? []
            let shown = try #require(VisibleLists.compute(data, ui).added[ExpiringPane.tab])
            #expect(screen.contains("Expiring \(shown.count)"))
            #expect(!shown.isEmpty, "the test world has IPs expiring within 30 days")
            #expect(screen.contains(ips[shown[0]].ip))
            #expect(screen.contains("Enter every field"))  // the footer, from its key table
            // Moving and Enter act on its own table.
            press([.down, .enter], &ui, data)
            #expect(ui[table: ExpiringPane.tab].selected == min(1, shown.count - 1))
            #expect(ui.overlay == .staticIPDetail(identity: ips[shown[min(1, shown.count - 1)]].identity))
            // The picker finds it by name; help lists its key.
            ui = UIState()
            press([.character("0"), .character("e"), .character("x"), .character("p"), .character("i"), .enter], &ui, data)
            #expect(ui.tab == ExpiringPane.tab)
            ui.overlay = .help
            #expect(text(data, ui).contains("every field, as the API sent it"))
            // A remap reaches it too.
            ui = UIState()
            ui.keyMap = try KeyMap([.init(scope: "expiring", action: "details", keys: ["o"], line: 1)])
            press([.backTab, .enter], &ui, data)
            #expect(ui.overlay == .none)  // Enter is no longer its key
            press([.character("o")], &ui, data)
            #expect(ui.overlay == .staticIPDetail(identity: ips[shown[0]].identity))
        }
        // Outside that task the registry is the built-in one.
        #expect(Tab.allCases.count == 10)
    }

    /// The same columns make its `snapshot` text and CSV, through the writers every pane uses.
    @Test func itsColumnsGiveSnapshotTextAndCSV() async throws {
        let data = try await snapshot()
        let ips = data.staticIPs.value ?? []
        let rows = (ExpiringPane.visibleRows(data, UIState()) ?? []).map { ips[$0] }
        let table = SnapshotTable(
            name: "expiring", rows: rows, columns: ExpiringColumns.all,
            context: .snapshot(fetchedAt: now, offset: 8 * 3600), unreadable: { $0.unreadable })
        let csv = SnapshotCSV.render(table)
        #expect(csv.hasPrefix("IP,COUNTRY,EXPIRES,DAYS LEFT\r\n"))
        #expect(csv.components(separatedBy: "\r\n").count == rows.count + 2)
        let text = SnapshotText.render(table)
        #expect(text.hasPrefix("IP"))
        #expect(text.contains("LEFT"))
        if let first = rows.first { #expect(text.contains(first.ip) && csv.contains(first.ip)) }
    }

    /// What the recipe costs: the pane's folder, and no file under Sources/.
    @Test func theRecipeIsAFolderAndOneLine() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let folder = try FileManager.default.contentsOfDirectory(atPath: tests.appendingPathComponent("AddedPane").path)
        #expect(Set(folder) == ["ExpiringPane.swift", "ExpiringColumns.swift"])
        let registering = try String(contentsOf: tests.appendingPathComponent("AddedPaneTests.swift"), encoding: .utf8)
            .split(separator: "\n").filter { $0.contains("Panes.$added.withValue") && !$0.contains("//") }
        #expect(registering.count == 1)
    }
}
