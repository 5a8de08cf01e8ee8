import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// `P`: a small list of the profiles. Arrows and the start of a name choose, Enter shows it, Esc
/// leaves everything as it was; with one profile there is nothing to pick, and the flash line says so.
@Suite struct ProfilePickerTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let layout = ScreenLayout(width: 120, height: 30)

    func press(_ keys: [Key], _ ui: inout UIState, _ data: Snapshot) -> [Effect] {
        keys.flatMap { key in
            ui.handle(key, snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: layout.body.height, now: now, layout: layout)
        }
    }

    func typed(_ text: String) -> [Key] { text.map { Key.character($0) } }

    func roster(_ names: [String], active: String) -> ProfileRoster {
        ProfileRoster(active: active, rows: names.map { ProfileOverview(name: $0, readOnly: $0 == "audit") })
    }

    @Test func withOneProfileTheFlashLineSaysSo() async {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(.accounts([Fixtures.account("alpha")]), at: now)
        var ui = UIState()
        #expect(press([.character("P")], &ui, await store.current).isEmpty)
        #expect(ui.dialog == nil)
        #expect(ui.flash?.text.hasPrefix("Only one profile is watched (default)") == true, "\(String(describing: ui.flash))")
    }

    @Test func itOpensOnTheProfileShownAndArrowsChoose() async {
        let two = await twoProfiles(at: now)
        var ui = UIState()
        _ = press([.character("P")], &ui, two.main)
        guard case .profilePicker(let picker) = ui.dialog else {
            Issue.record("P did not open the picker: \(String(describing: ui.dialog))")
            return
        }
        #expect(picker.entries.map(\.name) == ["main", "reseller"] && picker.selected == 0)
        #expect(press([.down, .enter], &ui, two.main) == [.switchProfile("reseller")])
        #expect(ui.dialog == nil)
        #expect(ui.flash?.text == "profile: reseller")
    }

    @Test func choosingTheProfileShownChangesNothing() async {
        let two = await twoProfiles(at: now)
        var ui = UIState()
        #expect(press([.character("P"), .down, .up, .enter], &ui, two.main).isEmpty)
        #expect(ui.dialog == nil && ui.flash?.text == "profile main is the one shown.")
    }

    @Test func escapeLeavesEverythingAsItWas() async {
        let two = await twoProfiles(at: now)
        var ui = UIState()
        ui.tab = .orders
        ui.accountMarks = ["alpha"]
        #expect(press([.character("P"), .down, .escape], &ui, two.main).isEmpty)
        #expect(ui.dialog == nil && ui.tab == .orders && ui.accountMarks == ["alpha"])
    }

    @Test func typingTheStartOfANameJumpsToIt() {
        var picker = ProfilePicker(roster(["main", "mirror", "reseller", "Reserve"], active: "mirror"))
        #expect(picker.selected == 1)
        _ = picker.handle(.character("r"))
        #expect(picker.selected == 2)
        _ = picker.handle(.character("E"))  // case does not matter
        _ = picker.handle(.character("s"))
        _ = picker.handle(.character("e"))
        _ = picker.handle(.character("r"))
        _ = picker.handle(.character("v"))
        #expect(picker.selected == 3 && picker.typedMatches)
        _ = picker.handle(.character("x"))  // no name starts so: the choice stays, and the picker says so
        #expect(picker.selected == 3 && !picker.typedMatches)
        _ = picker.handle(.backspace)
        #expect(picker.typedMatches)
        _ = picker.handle(.control("u"))
        _ = picker.handle(.character("m"))
        _ = picker.handle(.character("a"))
        #expect(picker.selected == 0)
        _ = picker.handle(.down)  // the arrows forget what was typed
        #expect(picker.selected == 1 && picker.typed.isEmpty)
        _ = picker.handle(.end)
        #expect(picker.handle(.enter) == .chosen("Reserve"))
        #expect(picker.handle(.escape) == .cancelled)
    }

    @Test func thePickerIsDrawnWithEachNameAndWhatItIs() throws {
        var snapshot = Snapshot(source: "t", readOnly: false)
        snapshot.profiles = ProfileRoster(
            active: "main", activeColour: "magenta",
            rows: [
                ProfileOverview(name: "main", colour: "magenta"), ProfileOverview(name: "audit", colour: "nonsense", readOnly: true),
                ProfileOverview(name: "代理商", colour: "cyan"),
            ])
        var ui = UIState()
        ui.dialog = .profilePicker(ProfilePicker(snapshot.profiles))
        _ = press([.down, .down, .character("z")], &ui, snapshot)
        let buffer = renderDashboard(snapshot, ui, now: now, width: 80, height: 24)
        let lines = (0..<buffer.height).map { buffer.line($0) }
        #expect(lines.contains { $0.contains("Show profile") })
        #expect(lines.contains { $0.contains("› z▏  no profile starts with “z”") })
        let main = try #require(lines.firstIndex { $0.contains("▸ main") })
        #expect(lines[main].contains("shown"))
        #expect(lines.contains { $0.contains("audit  read-only") })
        /// The display column where `needle` starts on line `y`.
        func column(_ needle: String, _ y: Int) throws -> Int {
            DisplayWidth.columns(String(lines[y][..<(try #require(lines[y].range(of: needle))).lowerBound]))
        }
        let chosen = try #require(lines.firstIndex { $0.contains("代理商") })
        #expect(buffer.role(try column("代理商", chosen), chosen) == .selected)
        #expect(buffer.role(try column("▸ main", main) + 2, main) == .profileMagenta)
        let audit = try #require(lines.firstIndex { $0.contains("audit") })
        #expect(buffer.role(try column("audit", audit), audit) == .dialog)  // a colour it has no role for
        #expect(KeyFuzz.misfit(buffer, width: 80, height: 24) == nil)
    }
}
