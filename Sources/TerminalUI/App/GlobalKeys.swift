import Foundation
import Monitor

/// The keys every pane shares. A pane may bind a key of its own only where it gives the key a
/// meaning in that pane (the Flow pane's arrows); `KeyTableTests` holds the list.
enum GlobalKeys {
    /// Computed, not stored: the number keys follow the registry of the task that asks.
    static var all: [KeyAction] {
        [
            KeyAction(
                "switch-pane", "1-\(numbered.count)", .key(.keySwitchPane),
                keys: numbered.indices.map { .character(Character(String($0 + 1))) },
                slots: numbered.map { $0.title }, scope: .global
            ) { ui, input in
                let tabs = Tab.allCases
                guard tabs.indices.contains(input.slot) else { return [] }
                ui.tab = tabs[input.slot]
                return ui.focusEffect(input.snapshot, input.lists)
            },
            KeyAction("pick-pane", "0 :", .key(.keyPickPane), keys: chars("0:"), scope: .global) { ui, _ in
                ui.dialog = .panePicker(PanePicker())
                return []
            },
            KeyAction("next-pane", "Tab", .key(.keyNextPane), keys: [.tab], scope: .global) { ui, input in
                ui.tab = step(from: ui.tab, by: 1, input.snapshot)
                return ui.focusEffect(input.snapshot, input.lists)
            },
            KeyAction("previous-pane", "S-Tab", .key(.keyPreviousPane), keys: [.backTab], scope: .global) { ui, input in
                ui.tab = step(from: ui.tab, by: -1, input.snapshot)
                return ui.focusEffect(input.snapshot, input.lists)
            },
            KeyAction("profiles", "O", .key(.keyProfiles), keys: chars("O"), scope: .global) { ui, input in
                ui.tab = .profiles
                return ui.focusEffect(input.snapshot, input.lists)
            },
            KeyAction("pick-profile", "P", .key(.keyPickProfile), keys: chars("P"), scope: .global) { ui, input in
                let roster = input.snapshot.profiles
                guard roster.isSeveral else {
                    ui.say(UIText.onlyOneProfile(ProfileName.text(roster.active)), now: input.now)
                    return []
                }
                ui.dialog = .profilePicker(ProfilePicker(roster))
                return []
            },
            KeyAction("help", "?", .key(.keyHelp), keys: chars("?"), scope: .global, footer: true) { ui, input in
                ui.overlay = .help
                return ui.followFocus(input)
            },
            KeyAction("refresh", "r", .key(.keyRefresh), keys: chars("r"), scope: .global, footer: true) { ui, input in
                ui.say(UIText.refreshing(), now: input.now, seconds: 2)
                return [.refresh]
            },
            KeyAction("repaint", "^L", .key(.keyRepaint), keys: [.control("l")], scope: .global) { _, _ in [.repaint] },
            KeyAction("quit", "q", .key(.keyQuit), keys: chars("q"), scope: .global, footer: true) { ui, _ in
                guard ui.requests.writesInFlight.isEmpty else {
                    ui.dialog = .quit(ConfirmQuit(sending: ui.requests.writesInFlight.count))
                    return []
                }
                return [.quit]
            },
            KeyAction(
                "move", "↑↓ PgUp PgDn Home End", .key(.keyMove), keys: [.up, .down, .pageUp, .pageDown, .home, .end],
                slots: ["up", "down", "page up", "page down", "first", "last"], scope: .global
            ) { ui, input in
                let page = max(1, input.bodyRows - 3)
                switch input.slot {
                case 0: ui.move(-1, input.lists)
                case 1: ui.move(1, input.lists)
                case 2: ui.move(-page, input.lists)
                case 3: ui.move(page, input.lists)
                case 4: ui.move(-Int.max / 2, input.lists)
                default: ui.move(Int.max / 2, input.lists)
                }
                return ui.followFocus(input)
            },
        ]
    }

    private static func chars(_ text: String) -> [Key] { KeyAction.chars(text) }

    /// Tab and S-Tab go round the tabs the tab row shows (and the current one, shown or not).
    private static func step(from tab: Tab, by delta: Int, _ snapshot: Snapshot) -> Tab {
        let hidden = Panes.hidden(snapshot)
        let tabs = Tab.allCases.filter { !hidden.contains($0) || $0 == tab }
        guard let index = tabs.firstIndex(of: tab) else { return tabs.first ?? tab }
        return tabs[(index + delta + tabs.count) % tabs.count]
    }

    /// The panes with a number key: the first nine (the rest are reached with `0`, Tab or a click).
    private static var numbered: [any Pane.Type] { Array(Panes.all.prefix(9)) }
}
