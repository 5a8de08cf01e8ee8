import Foundation
import Monitor

/// The keys every pane shares. A pane may bind a key of its own only where it gives the key a
/// meaning in that pane (the Flow pane's arrows); `KeyTableTests` holds the list.
enum GlobalKeys {
    static let all: [KeyAction] = [
        KeyAction(
            "1-\(Panes.all.count)", "switch pane", keys: Panes.all.map { .character(Character(String($0.tab.rawValue))) },
            scope: .global
        ) { ui, input in
            guard case .character(let c) = input.key, let number = Int(String(c)), let tab = Tab(rawValue: number) else { return [] }
            ui.tab = tab
            return ui.focusEffect(input.snapshot, input.lists)
        },
        KeyAction("Tab", "next pane", keys: [.tab], scope: .global) { ui, input in
            ui.tab = ui.tab.next
            return ui.focusEffect(input.snapshot, input.lists)
        },
        KeyAction("S-Tab", "previous pane", keys: [.backTab], scope: .global) { ui, input in
            ui.tab = ui.tab.previous
            return ui.focusEffect(input.snapshot, input.lists)
        },
        KeyAction("?", "help", keys: chars("?"), scope: .global, footer: true) { ui, input in
            ui.overlay = .help
            return ui.followFocus(input)
        },
        KeyAction("r", "refresh now", keys: chars("r"), scope: .global, footer: true) { ui, input in
            ui.say("Refreshing…", now: input.now, seconds: 2)
            return [.refresh]
        },
        KeyAction("^L", "repaint", keys: [.control("l")], scope: .global) { _, _ in [.repaint] },
        KeyAction("q", "quit", keys: chars("q"), scope: .global, footer: true) { ui, _ in
            guard ui.writesSending.isEmpty else {
                ui.dialog = .quit(ConfirmQuit(sending: ui.writesSending.count))
                return []
            }
            return [.quit]
        },
        KeyAction(
            "↑↓ PgUp PgDn Home End", "move", keys: [.up, .down, .pageUp, .pageDown, .home, .end], scope: .global
        ) { ui, input in
            let page = max(1, input.bodyRows - 3)
            switch input.key {
            case .up: ui.move(-1, input.lists)
            case .down: ui.move(1, input.lists)
            case .pageUp: ui.move(-page, input.lists)
            case .pageDown: ui.move(page, input.lists)
            case .home: ui.move(-Int.max / 2, input.lists)
            default: ui.move(Int.max / 2, input.lists)
            }
            return ui.followFocus(input)
        },
    ]

    private static func chars(_ text: String) -> [Key] { KeyAction.chars(text) }
}
