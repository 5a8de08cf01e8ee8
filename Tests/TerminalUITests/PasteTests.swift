import Foundation
import Monitor
import TestSupport
import Testing

@testable import TerminalUI

/// Bracketed paste: the markers, which ncurses hands over as loose keys, become one event; the
/// text goes only into a focused text field.
@Suite struct PasteTests {
    let layout = ScreenLayout(width: 120, height: 40)
    let now = Date()

    func keys(_ text: String) -> [Key] {
        text.map { c in
            switch c {
            case "\u{1b}": return .escape
            case "\r": return .enter
            default: return .character(c)
            }
        }
    }

    @Test func markersAroundTextBecomeOnePaste() {
        var decoder = PasteDecoder()
        #expect(decoder.feed(keys("a\u{1b}[200~dey\r10.0.0.1\u{1b}[201~b")) == [.character("a"), .paste("dey\n10.0.0.1"), .character("b")])
        #expect(!decoder.inPaste)
    }

    @Test func aPasteSplitAcrossReadsWaitsForItsEnd() {
        var decoder = PasteDecoder()
        #expect(decoder.feed(keys("\u{1b}[20")).isEmpty)  // a marker cut by the read
        #expect(decoder.feed(keys("0~de")).isEmpty)
        #expect(decoder.inPaste)
        #expect(decoder.feed(keys("y\u{1b}")).isEmpty)  // maybe the end marker
        #expect(decoder.feed(keys("[201~")) == [.paste("dey")])
    }

    @Test func escapeAndOtherKeysOutsideAPasteStayKeys() {
        var decoder = PasteDecoder()
        #expect(decoder.feed([.escape]) == [.escape])
        #expect(decoder.feed(keys("\u{1b}[A") + [.up]) == keys("\u{1b}[A") + [.up])
        #expect(decoder.feed(keys("\u{1b}[2")) == [])
        #expect(decoder.feed(keys("x")) == keys("\u{1b}[2x"))  // not a marker after all
    }

    @Test func theTerminalModeIsSetAndReset() {
        #expect(PasteDecoder.enable == "\u{1b}[?2004h")
        #expect(PasteDecoder.disable == "\u{1b}[?2004l")
        // A crash must not leave the shell with bracketed paste on.
        #expect(TerminalRestore.reset.description.contains(PasteDecoder.disable))
    }

    func snapshot() async -> Snapshot {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(.accounts((1...5).map { Fixtures.account("user\($0)", usageGB: Double($0)) }), at: now)
        return await store.current
    }

    @discardableResult
    func press(_ keys: [Key], _ ui: inout UIState, _ data: Snapshot) -> [Effect] {
        keys.flatMap { ui.handle($0, snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: 36, now: now, layout: layout) }
    }

    @Test func aPasteOnTheTableIsDroppedAndSaysSo() async {
        let data = await snapshot()
        var ui = UIState()
        let effects = press([.paste("dey")], &ui, data)
        #expect(effects.isEmpty)
        #expect(ui.dialog == nil)
        #expect(ui.flash?.text == "Paste ignored: no text field has focus.")
    }

    @Test func aPasteGoesIntoTheFocusedFormField() async {
        let data = await snapshot()
        var ui = UIState()
        press([.character("6"), .character("a"), .paste("203.0.113.9\r\n198.51.100.7\n")], &ui, data)
        guard case .form(let form, .addWhitelist) = ui.dialog else {
            Issue.record("expected the whitelist form, got \(String(describing: ui.dialog))")
            return
        }
        #expect(form["ips"].text == "203.0.113.9\n198.51.100.7")
        #expect(form.focus == 0)  // the trailing newline did not move on
        // On a choice or a button it is dropped.
        press([.tab, .paste("y")], &ui, data)
        #expect(ui.flash?.text == "Paste ignored: no text field has focus.")
        press([.tab, .tab, .tab, .paste("y")], &ui, data)
        guard case .form = ui.dialog else {
            Issue.record("a paste on the buttons answered the form")
            return
        }
    }

    @Test func aPasteGoesIntoTheFilterPrompt() async {
        let data = await snapshot()
        var ui = UIState()
        press([.character("/"), .paste("user\n3")], &ui, data)
        #expect(ui.prompt?.text == "user 3")
        #expect(ui.accountFilter == "user 3")
    }

    @Test func aPasteNeitherConfirmsNorTypesADeletion() async {
        let data = await snapshot()
        var ui = UIState()
        press([.character("d"), .paste("y")], &ui, data)
        guard case .confirm = ui.dialog else {
            Issue.record("a paste answered the confirmation")
            return
        }
        press([.escape, .character("D"), .character("y"), .paste("user5\n")], &ui, data)
        guard case .typed(let typed) = ui.dialog else {
            Issue.record("expected the typed confirmation")
            return
        }
        #expect(typed.text.isEmpty)
        #expect(ui.flash?.text.contains("typing, not pasting") == true)
    }
}
