import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// The overview pane: one row per profile, its health and what runs out, Enter to show one; in
/// the tab bar only when there is more than one profile to show.
@Suite struct ProfilesPaneTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15 08:00 UTC
    let layout = ScreenLayout(width: 120, height: 30)

    func render(_ snapshot: Snapshot, _ ui: UIState, width: Int = 120) -> CellBuffer {
        renderDashboard(snapshot, ui, now: now, width: width, height: 30)
    }

    func text(_ buffer: CellBuffer) -> String { (0..<buffer.height).map { buffer.line($0) }.joined(separator: "\n") }

    func press(_ keys: [Key], _ ui: inout UIState, _ data: Snapshot) -> [Effect] {
        keys.flatMap { key in
            ui.handle(key, snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: layout.body.height, now: now, layout: layout)
        }
    }

    /// The row of the table whose text contains `name`.
    func row(_ name: String, in buffer: CellBuffer) throws -> Int {
        try #require((3..<buffer.height).first { buffer.line($0).contains(name) }, "no row for \(name)")
    }

    /// The text of `title`'s column on row `y`, trimmed, by the table's own column widths.
    func cell(_ title: String, row y: Int, in buffer: CellBuffer) throws -> String {
        let columns = ProfilesColumns.all
        let table = Table(columns: columns.map(\.tableColumn), count: 0, selected: nil, offset: 0) { _ in TableRow([]) }
        let widths = table.widths(in: buffer.width)
        let index = try #require(columns.firstIndex { $0.title == title })
        let x = widths[..<index].reduce(0, +) + index * table.gap
        let text = (x..<x + widths[index]).map { buffer[$0, y] }.filter { !$0.isContinuation }.map(\.text).joined()
        return text.trimmingCharacters(in: .whitespaces)
    }

    @Test func everyProfileHasARowAndTheShownOneIsMarked() async throws {
        let two = await twoProfiles(at: now, resellerReadOnly: true)
        var ui = UIState()
        ui.tab = .profiles
        ui.profiles.selected = 1  // off the first row, to see its own colours
        let buffer = render(two.main, ui)
        #expect(buffer.line(2).hasPrefix(" Profiles 2"))
        let main = try row("main", in: buffer)
        let reseller = try row("reseller", in: buffer)
        #expect(main < reseller)  // the config's order
        #expect(buffer.line(main).hasPrefix("▸ main"))
        #expect(!buffer.line(reseller).hasPrefix("▸"))
        #expect(buffer.role(2, main) == .profileMagenta)
        #expect(try cell("RO", row: reseller, in: buffer) == "RO" && (try cell("RO", row: main, in: buffer)).isEmpty)
        #expect(try cell("HEALTH", row: main, in: buffer) == "● live")
        let left = try #require(two.main.profiles.rows[0].trafficLeftBytes)
        #expect(try cell("LEFT", row: main, in: buffer) == ByteFormat.human(left))
        // Not polled yet is `?`, no run-out date is `–`: never a 0 that could be believed.
        #expect(try cell("LEFT", row: reseller, in: buffer) == "?")
        #expect(try cell("PKG EXP", row: reseller, in: buffer) == "?")
        #expect(try cell("IP EXP", row: reseller, in: buffer) == "?")
        #expect(try cell("RUNS OUT", row: main, in: buffer) == "–")
        #expect(try cell("SOURCE", row: reseller, in: buffer).hasPrefix("api.example-brand.com"))
        #expect(try cell("UPDATED", row: main, in: buffer) == "08:00:00")
    }

    @Test func healthSaysLiveStaleOfflineStoppedOrConnecting() throws {
        let rows = [
            ProfileOverview(
                name: "live", trafficLeftBytes: 5 << 30, runsOutAt: Date(timeIntervalSince1970: 1_802_592_000), expiringPackages: 0,
                expiringIPs: 2, activeAlerts: 3, connection: .live, lastRefresh: now),
            ProfileOverview(name: "stale", connection: .stale(since: now.addingTimeInterval(-300), reason: "HTTP 503")),
            ProfileOverview(name: "offline", connection: .offline(retryAt: nil, reason: "connection refused")),
            ProfileOverview(name: "stopped", readOnly: true, connection: .stopped(reason: "key rejected: polling stopped")),
            ProfileOverview(name: "new"),
        ]
        var snapshot = Snapshot(source: "t", readOnly: false)
        snapshot.profiles = ProfileRoster(active: "live", rows: rows)
        var ui = UIState()
        ui.tab = .profiles
        ui.profiles.selected = 4
        let buffer = render(snapshot, ui)
        #expect(buffer.line(2).contains("Profiles 5  2 not polling"))
        let expected = ["live": "● live", "stale": "◐ stale 5m", "offline": "○ offline", "stopped": "■ stopped", "new": "… connecting"]
        for (name, health) in expected {
            #expect(try cell("HEALTH", row: try row(" \(name) ", in: buffer), in: buffer) == health, "\(name)")
        }
        let live = try row(" live ", in: buffer)
        #expect(try cell("RUNS OUT", row: live, in: buffer) == "2027-02-14")
        #expect(try cell("PKG EXP", row: live, in: buffer) == "0")  // a count of none is 0, known
        #expect(try cell("IP EXP", row: live, in: buffer) == "2")
        #expect(try cell("ALERTS", row: live, in: buffer) == "3")
        let stale = try row(" stale ", in: buffer)
        #expect(try cell("LEFT", row: stale, in: buffer) == "?" && (try cell("UPDATED", row: stale, in: buffer)) == "–")
        // The states in their colours (the selected row excepted).
        let x = DisplayWidth.columns(String(buffer.line(3).prefix { $0 != "H" }))
        #expect(buffer.role(x, try row(" offline ", in: buffer)) == .error)
        #expect(buffer.role(x, stale) == .warning)
        #expect(buffer.role(x, live) == .good)
    }

    @Test(arguments: [80, 120, 160])
    func theOverviewFitsEveryWidth(width: Int) async {
        let two = await twoProfiles(at: now)
        var ui = UIState()
        ui.tab = .profiles
        let buffer = render(two.reseller, ui, width: width)
        #expect(KeyFuzz.misfit(buffer, width: width, height: 30) == nil)
        #expect(buffer.line(3).contains("PROFILE") && buffer.line(3).contains("IP EXP"))
    }

    @Test func enterShowsTheProfileUnderTheCursor() async {
        let two = await twoProfiles(at: now)
        var ui = UIState()
        ui.tab = .profiles
        #expect(press([.enter], &ui, two.main).isEmpty)  // the one shown already
        #expect(ui.flash?.text == "profile main is the one shown.")
        #expect(press([.down, .enter], &ui, two.main) == [.switchProfile("reseller")])
        #expect(ui.flash?.text == "profile: reseller")
        #expect(ui.profiles.selected == 1)  // the overview keeps its cursor
    }

    @Test func theTabBarShowsTheOverviewOnlyWithSeveralProfiles() async {
        let two = await twoProfiles(at: now)
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(.accounts([Fixtures.account("alpha")]), at: now)
        let one = await store.current
        #expect(!render(one, UIState(), width: 160).line(1).contains("Profiles"))
        #expect(render(two.main, UIState(), width: 160).line(1).contains("10 Profiles"))
        // With one profile it is still there: O opens it, and the tab bar shows it while open.
        var ui = UIState()
        _ = press([.character("O")], &ui, one)
        #expect(ui.tab == .profiles)
        let opened = render(one, ui, width: 160)
        #expect(opened.line(1).contains("10 Profiles") && opened.line(2).hasPrefix(" Profiles 1"))
        #expect(opened.line(4).hasPrefix("▸ default"))
        // Tab goes round the tabs shown.
        ui.tab = .alerts
        _ = press([.tab], &ui, one)
        #expect(ui.tab == .accounts)
        ui.tab = .alerts
        _ = press([.tab], &ui, two.main)
        #expect(ui.tab == .profiles)
        _ = press([.backTab, .backTab], &ui, two.main)
        #expect(ui.tab == .products)
    }

    @Test func helpListsTheProfileKeys() async {
        let two = await twoProfiles(at: now)
        var ui = UIState()
        ui.tab = .profiles
        ui.overlay = .help
        let help = text(render(two.main, ui, width: 120))
        #expect(help.contains("show this profile"))
        #expect(help.contains("show another profile") && help.contains("profiles overview"))
        #expect(
            render(
                two.main,
                {
                    var ui = UIState(); ui.tab = .profiles; return ui
                }()
            ).line(29).contains("Enter show this profile"))
    }

    /// `[keys.profiles]` and `[keys.global]` remap them like any other key.
    @Test func theKeysAreRemappable() async throws {
        let two = await twoProfiles(at: now)
        var ui = UIState()
        ui.keyMap = try KeyMap([
            .init(scope: "global", action: "pick-profile", keys: ["F2"], line: 1),
            .init(scope: "profiles", action: "show", keys: ["o"], line: 2),
        ])
        _ = press([.character("P")], &ui, two.main)
        #expect(ui.dialog == nil)
        _ = press([.function(2)], &ui, two.main)
        #expect(ui.dialog == .profilePicker(ProfilePicker(two.main.profiles)))
        ui.dialog = nil
        ui.tab = .profiles
        #expect(press([.down, .character("o")], &ui, two.main) == [.switchProfile("reseller")])
        #expect(text(render(two.main, ui)).contains("F2 picks a profile"))
    }
}
