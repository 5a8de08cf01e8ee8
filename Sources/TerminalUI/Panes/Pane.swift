import Foundation
import Monitor
import ProxyLiteAPI

/// One pane of the dashboard: its title, the data it needs, its keys with their handlers and its
/// render function, listed once in `Panes.all`. A pane lives in its own folder under `Panes/`.
package protocol Pane: SendableMetatype {
    static var tab: Tab { get }
    /// The pane's name in the config (`[keys.<id>]`).
    static var id: String { get }
    static var title: String { get }
    /// For narrow terminals.
    static var shortTitle: String { get }
    /// Data polled only once this pane has been opened (the rest is always polled).
    static var onDemand: [Resource] { get }
    /// The pane's own keys; the global ones are in `GlobalKeys`.
    static var keys: [KeyAction] { get }
    /// The table the arrow keys, the wheel and a click move in; nil when the pane has none.
    static var table: WritableKeyPath<UIState, TableState>? { get }
    /// How many rows that table shows now.
    static func rowCount(_ lists: VisibleLists) -> Int
    /// The rows a pane that `VisibleLists` has no list for shows (indexes into its data), kept
    /// in `VisibleLists.added`; nil for the built-in panes.
    static func visibleRows(_ snapshot: Snapshot, _ ui: UIState) -> [Int]?
    /// Whether a click on a row selects it (false where the table moved is not the one shown).
    static var rowsClickable: Bool { get }
    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer)
    /// A count for the tab label (`Alerts (2)`), or nil for none.
    static func badge(_ snapshot: Snapshot) -> String?
    /// Whether the tab row shows the pane for `snapshot` (it does anyway while the pane is open).
    static func inTabBar(_ snapshot: Snapshot) -> Bool
}

extension Pane {
    package static var shortTitle: String { title }
    package static var onDemand: [Resource] { [] }
    package static var table: WritableKeyPath<UIState, TableState>? { nil }
    package static func rowCount(_ lists: VisibleLists) -> Int { lists.added[tab]?.count ?? 0 }
    package static func visibleRows(_ snapshot: Snapshot, _ ui: UIState) -> [Int]? { nil }
    package static var rowsClickable: Bool { table != nil }
    package static func badge(_ snapshot: Snapshot) -> String? { nil }
    package static func inTabBar(_ snapshot: Snapshot) -> Bool { true }
    package static func chars(_ text: String) -> [Key] { KeyAction.chars(text) }
}

/// What a key handler reads: the key, the data and the lists on screen, the clock and the size.
package struct KeyInput {
    package let key: Key
    package let snapshot: Snapshot
    package let lists: VisibleLists
    package let now: Date
    package let bodyRows: Int
    package let layout: ScreenLayout
    /// Which of the action's keys was pressed, for actions whose keys mean different things
    /// (`KeyAction.slots`).
    package var slot = 0
}

/// A key binding with its handler. One table drives dispatch, help, the footer and the
/// read-only guard, so a key cannot be documented and not handled, or handled and not shown.
package struct KeyAction: Sendable {
    /// The action's name in the config (`[keys.accounts] disable = "x"`).
    let id: String
    let binding: KeyBinding
    /// The keys it answers to (the config may replace them: see `KeyMap`).
    let keys: [Key]
    /// What each key does, for an action whose keys differ in meaning ("mark", "mark all shown",
    /// "clear marks"); the handler reads which from `KeyInput.slot`, and a remap must give one key
    /// for each. Nil when every key does the same.
    let slots: [String]?
    /// The global actions whose keys this pane action may take, to give them a meaning in its
    /// pane (the Flow pane's arrows, `move`'s, choose whose traffic is shown): dispatch looks in
    /// the pane first. Any other shared key is a conflict.
    let overrides: [String]
    /// Why it cannot act now (the focused row's identity could not be read), or nil when it can.
    let refusal: @Sendable (UIState, KeyInput) -> String?
    let run: @Sendable (inout UIState, KeyInput) -> [Effect]

    package init(
        _ id: String, _ label: String, _ action: UILabel, keys: [Key], slots: [String]? = nil, scope: KeyBinding.Scope,
        footer: Bool = false, writes: Bool = false, overrides: [String] = [],
        refusal: @escaping @Sendable (UIState, KeyInput) -> String? = { _, _ in nil },
        run: @escaping @Sendable (inout UIState, KeyInput) -> [Effect]
    ) {
        self.id = id
        binding = KeyBinding(keys: label, action: action, scope: scope, inFooter: footer, writes: writes)
        self.keys = keys
        self.slots = slots
        self.overrides = overrides
        self.refusal = refusal
        self.run = run
    }

    /// A pane key whose handler returns no effects.
    package static func pane(
        _ tab: Tab, _ id: String, _ label: String, _ action: UILabel, keys: [Key], slots: [String]? = nil, footer: Bool = false,
        writes: Bool = false, refusal: @escaping @Sendable (UIState, KeyInput) -> String? = { _, _ in nil },
        _ run: @escaping @Sendable (inout UIState, KeyInput) -> Void
    ) -> KeyAction {
        KeyAction(id, label, action, keys: keys, slots: slots, scope: .pane(tab), footer: footer, writes: writes, refusal: refusal) {
            run(&$0, $1)
            return []
        }
    }

    /// Characters as keys: `chars("e")`, `chars(" *u")`.
    package static func chars(_ text: String) -> [Key] { text.map { Key.character($0) } }
}
