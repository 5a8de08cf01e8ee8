import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// Keys remapped by the config: the new key acts, the old one no longer does, and help and the
/// footer show what the user chose.
@Suite struct KeyMapTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let layout = ScreenLayout(width: 120, height: 30)

    func snapshot() async -> Snapshot {
        let store = Store(source: "test", readOnly: false) { _ in }
        await store.apply(
            .accounts([Fixtures.account("alpha", usageGB: 9, limitGB: 10), Fixtures.account("beta", usageGB: 1, limitGB: 5)]),
            at: now)
        return await store.current
    }

    func press(_ key: Key, _ ui: inout UIState, _ data: Snapshot) -> [Effect] {
        ui.handle(key, snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: layout.body.height, now: now, layout: layout)
    }

    func map(_ choices: [(String, String, [String])]) throws -> KeyMap {
        try KeyMap(choices.enumerated().map { KeyMap.Choice(scope: $1.0, action: $1.1, keys: $1.2, line: $0 + 1) })
    }

    @Test func aRemappedActionAnswersToItsNewKeyOnly() async throws {
        let data = await snapshot()
        var ui = UIState()
        ui.keyMap = try map([("accounts", "disable", ["x"]), ("global", "quit", ["Q"])])
        _ = press(.character("d"), &ui, data)
        #expect(ui.dialog == nil)
        _ = press(.character("x"), &ui, data)
        guard case .confirm(let confirm) = ui.dialog else {
            Issue.record("x did not open the disable dialog: \(String(describing: ui.dialog))")
            return
        }
        #expect(confirm.command == .disable(["alpha"]))
        ui.dialog = nil
        #expect(press(.character("q"), &ui, data).isEmpty)
        #expect(press(.character("Q"), &ui, data) == [.quit])
    }

    @Test func slotsKeepTheirMeaningsInTheNewKeys() async throws {
        let data = await snapshot()
        var ui = UIState()
        ui.keyMap = try map([("accounts", "mark", ["m", "M", "U"])])
        _ = press(.character("m"), &ui, data)
        #expect(ui.accountMarks == ["alpha"])
        _ = press(.character("M"), &ui, data)
        #expect(ui.accountMarks == ["alpha", "beta"])
        _ = press(.character("U"), &ui, data)
        #expect(ui.accountMarks.isEmpty)
        _ = press(.character(" "), &ui, data)
        #expect(ui.accountMarks.isEmpty)
    }

    @Test func theFooterAndHelpShowTheChosenKeys() async throws {
        let data = await snapshot()
        var ui = UIState()
        ui.keyMap = try map([("accounts", "disable", ["x", "^X"])])
        func text(_ ui: UIState) -> String {
            let screen = renderDashboard(data, ui, now: now, width: 240, height: 40)
            return (0..<screen.height).map { screen.line($0) }.joined(separator: "\n")
        }
        #expect(text(ui).contains("x ^X disable selected or marked"))
        #expect(!text(ui).contains("d disable"))
        ui.overlay = .help
        let help = text(ui).split(separator: "\n").first { $0.contains("disable selected or marked") } ?? ""
        #expect(help.contains("x ^X "), "\(help)")
    }

    @Test func keyNamesReadBackAsTheyAreShown() {
        let keys: [Key] = [
            .character("x"), .character(" "), .enter, .escape, .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown,
            .home, .end, .backspace, .delete, .control("l"), .function(5),
        ]
        for key in keys { #expect(KeyName.parse(KeyName.name(key)) == key, "\(key)") }
        #expect(KeyName.parse("Ctrl-G") == .control("g"))
        #expect(KeyName.parse("F13") == nil)
        #expect(KeyName.parse("xy") == nil)
    }

    /// The Flow pane's arrows take the global move keys on purpose; remapping either side is fine.
    @Test func remappingTheMoveKeysOrTheFlowArrowsIsAccepted() throws {
        _ = try map([("global", "move", ["Up", "Down", "^B", "^F", "g", "G"])])
        _ = try map([("flow", "choose", ["Up", "Down"])])
        _ = try map([("flow", "choose", ["k", "j"])])
        #expect(throws: KeyMap.Problem.self) { try map([("flow", "choose", ["q", "j"])]) }  // q is quit's
    }

    @Test func keysTheTerminalNeverSendsAreRefused() {
        for name in ["^I", "^M", "^J", "^H", "^Z"] { #expect(KeyName.parse(name) == nil, "\(name)") }
        #expect(KeyName.parse("^G") == .control("g"))
    }

    @Test func helpClosesOnItsRemappedKey() async throws {
        let data = await snapshot()
        var ui = UIState()
        ui.keyMap = try map([("global", "help", ["F1"])])
        _ = press(.function(1), &ui, data)
        #expect(ui.overlay == .help)
        _ = press(.function(1), &ui, data)
        #expect(ui.overlay == .none)
    }
}
