import Foundation
import Monitor
import ProxyLiteAPI
import TOMLReading
import TerminalUI
import TestSupport
import Testing

/// Keys and mouse events through `UIState.handle`.
@Suite struct InputTests {
    let layout = ScreenLayout(width: 120, height: 40)

    func snapshot() async -> Snapshot {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(
            .accounts((1...50).map { Fixtures.account("user\($0)", usageGB: Double($0) / 10, remark: $0 == 7 ? "代理" : "") }),
            at: Date())
        return await store.current
    }

    func press(_ keys: [Key], _ ui: inout UIState, _ snapshot: Snapshot) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            effects += ui.handle(
                key, snapshot: snapshot, lists: VisibleLists.compute(snapshot, ui), bodyRows: layout.body.height, now: Date(),
                layout: layout)
        }
        return effects
    }

    @Test func tabsByNumberTabAndMouse() async {
        let data = await snapshot()
        var ui = UIState()
        _ = press([.character("3")], &ui, data)
        #expect(ui.tab == .staticIPs)
        _ = press([.tab, .tab], &ui, data)
        #expect(ui.tab == .packages)
        _ = press([.character("1"), .backTab], &ui, data)
        #expect(ui.tab == .alerts)  // wraps
        _ = press([.tab], &ui, data)
        #expect(ui.tab == .accounts)
        let flowTab = layout.tabHits.first { $0.tab == .flow }!
        let effects = press([.mouse(MouseEvent(kind: .press, x: flowTab.range.lowerBound + 1, y: 1))], &ui, data)
        #expect(ui.tab == .flow)
        #expect(effects == [.showFlow("user50")])
    }

    @Test func filterPromptAppliesAsYouTypeAndEscRestores() async {
        let data = await snapshot()
        var ui = UIState()
        _ = press([.character("/"), .character("u"), .character("s"), .character("e"), .character("r"), .character("4")], &ui, data)
        #expect(ui.prompt?.text == "user4" && ui.accountFilter == "user4")
        #expect(VisibleLists.compute(data, ui).accounts.count == 11)
        _ = press([.escape], &ui, data)
        #expect(ui.prompt == nil && ui.accountFilter == "")
        _ = press([.character("/"), .character("代"), .enter], &ui, data)
        #expect(ui.accountFilter == "代" && VisibleLists.compute(data, ui).accounts.count == 1)
        _ = press([.escape], &ui, data)  // Esc in the table clears the filter
        #expect(ui.accountFilter.isEmpty)
        _ = press([.character("/"), .character("x"), .backspace, .enter], &ui, data)
        #expect(ui.accountFilter.isEmpty)
    }

    @Test func sortCyclesAndReverses() async {
        let data = await snapshot()
        var ui = UIState()
        #expect(ui.accountSort.column == .usage && ui.accountSort.descending)
        _ = press([.character("s")], &ui, data)
        #expect(ui.accountSort.column == .limit)
        _ = press([.character("S")], &ui, data)
        #expect(!ui.accountSort.descending)
        #expect(ui.flash?.text.contains("limit ↑") == true)
        for _ in 0..<9 { _ = press([.character("s")], &ui, data) }
        #expect(ui.accountSort.column == .usage)
    }

    @Test func movementAndPages() async {
        let data = await snapshot()
        var ui = UIState()
        _ = press([.down, .down, .up], &ui, data)
        #expect(ui.accounts.selected == 1)
        _ = press([.end], &ui, data)
        #expect(ui.accounts.selected == 49)
        _ = press([.pageUp], &ui, data)
        #expect(ui.accounts.selected == 49 - (layout.body.height - 3))
        _ = press([.home], &ui, data)
        #expect(ui.accounts.selected == 0)
        _ = press([.mouse(MouseEvent(kind: .wheelDown, x: 5, y: 10))], &ui, data)
        #expect(ui.accounts.selected == 3)
        _ = press([.mouse(MouseEvent(kind: .press, x: 5, y: layout.tableRowsTop + 4))], &ui, data)
        #expect(ui.accounts.selected == 4)
    }

    @Test func globalKeys() async {
        let data = await snapshot()
        var ui = UIState()
        #expect(press([.character("r")], &ui, data) == [.refresh])
        #expect(press([.control("l")], &ui, data) == [.repaint])
        _ = press([.character("?")], &ui, data)
        #expect(ui.overlay == .help)
        #expect(press([.character("q")], &ui, data).isEmpty)  // closes help first
        #expect(ui.overlay == .none)
        #expect(press([.character("q")], &ui, data) == [.quit])
    }

    @Test func enterOpensTheAccountAndFollowsItsFlow() async {
        let data = await snapshot()
        var ui = UIState()
        let effects = press([.enter], &ui, data)
        #expect(ui.overlay == .accountDetail(username: "user50"))
        #expect(effects.contains(.showFlow("user50")))
    }

    @Test func ordersStatusFilterCycles() async {
        let data = await snapshot()
        var ui = UIState()
        ui.tab = .orders
        _ = press([.character("f")], &ui, data)
        #expect(ui.orderStatusFilter == .unpaid)
        for _ in 0..<4 { _ = press([.character("f")], &ui, data) }
        #expect(ui.orderStatusFilter == nil)
    }

    @Test func noKeyIsBoundTwiceInAPane() {
        for tab in Tab.allCases {
            let bindings = KeyBinding.all.filter { $0.scope == .global || $0.scope == .pane(tab) }
            let keys = bindings.map(\.keys)
            #expect(Set(keys).count == keys.count, "duplicate key in \(tab)")
        }
    }
}

@Suite struct ThemeTests {
    static var themesFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("themes").path
    }

    /// Every role but the profile colours, which a theme may leave to the colours they name.
    @Test func atLeastSixShippedThemesCoverEveryRole() throws {
        let names = ThemeFile.available([Self.themesFolder])
        #expect(names.count >= 6)
        let meanings = Set(ColorRole.allCases.filter { !$0.isProfileColour }.map(\.rawValue))
        for name in names {
            let text = try String(contentsOfFile: Self.themesFolder + "/\(name).toml", encoding: .utf8)
            let theme = try ThemeFile.parse(text, file: name)
            let document = try TOMLDocument(parsing: text)
            let covered = Set(document.entries.filter { $0.table == "styles" }.map(\.key))
            #expect(covered.intersection(meanings) == meanings, "\(name) misses roles")
            #expect(theme.styles.count == ColorRole.allCases.count)
        }
    }

    /// A profile's colour is the colour it names, unless the theme restyles it, or uses no colour
    /// at all (then it is only bold).
    @Test func profileColoursFollowTheirNameUnlessTheThemeSaysOtherwise() throws {
        let magenta = try #require(ColorRole.profile(named: "Magenta"))
        #expect(ColorRole.profile(named: "bright_red") == .profileBrightRed)
        #expect(ColorRole.profile(named: "chartreuse") == nil && ColorRole.profile(named: nil) == nil)
        #expect(Theme.builtIn.style(magenta).foreground == .ansi(5))
        let coloured = try ThemeFile.parse("[styles]\n\"header\" = { fg = \"black\", bg = \"cyan\" }\n", file: "c")
        #expect(coloured.style(magenta).foreground == .ansi(5))
        let restyled = try ThemeFile.parse("[styles]\n\"profile.magenta\" = { fg = \"#ff00ff\", bold = true }\n", file: "r")
        #expect(restyled.style(magenta).foreground == .rgb(255, 0, 255))
        let text = try String(contentsOfFile: Self.themesFolder + "/monochrome.toml", encoding: .utf8)
        let monochrome = try ThemeFile.parse(text, file: "monochrome")
        #expect(monochrome.style(magenta) == ThemeStyle(bold: true))
    }

    @Test(arguments: [
        ("[colors]\n", 1, "unknown table [colors]"),
        ("[styles]\n\"table.heade\" = { fg = \"red\" }\n", 2, "unknown style 'table.heade'"),
        ("[styles]\n\"flash\" = { fg = \"reddish\" }\n", 2, "'reddish' is not a colour"),
        ("[styles]\n\"flash\" = { blink = true }\n", 2, "expected fg, bg"),
        ("name = \"x\"\n[styles]\n\"flash\" = { fg = red }\n", 3, "text needs quotes"),
        ("[styles]\n\"flash\" = " + String(repeating: "[", count: 50_000) + "\n", 2, "nested too deeply"),
    ])
    func badThemesSayWhereAndWhy(text: String, line: Int, message: String) {
        let error = #expect(throws: ThemeFile.Problem.self) { try ThemeFile.parse(text, file: "bad.toml") }
        #expect(error?.line == line)
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        #expect(error?.description.hasPrefix("bad.toml:\(line): ") == true)
    }

    @Test func colorsDegradeByTerminalCapability() {
        let teal = ThemeColor.parse("#88c0d0")!
        #expect(teal.number(forTerminalColors: 256) == 110)
        let sixteen = teal.number(forTerminalColors: 16)!
        #expect((0..<16).contains(sixteen))
        #expect((0..<8).contains(teal.number(forTerminalColors: 8)!))
        #expect(ThemeColor.parse("bright-red")?.number(forTerminalColors: 8) == 1)
        #expect(ThemeColor.parse("default")?.number(forTerminalColors: 256) == nil)
        #expect(ThemeColor.parse("300") == nil)
    }

    @Test func missingThemeListsWhatExists() throws {
        let error = #expect(throws: ThemeFile.Problem.self) { try ThemeFile.load("nope", searchFolders: [Self.themesFolder]) }
        #expect(error?.description.contains("nord") == true)
        let nord = try ThemeFile.load("nord", searchFolders: [Self.themesFolder])
        #expect(nord.name == "Nord")
    }
}
