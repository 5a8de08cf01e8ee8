import Monitor
import ProxyLiteAPI

/// The registry: the only list of panes. Tab order, the number keys, the tab bar, help, the
/// footer and on-demand polling all follow it.
package enum Panes {
    package static var all: [any Pane.Type] {
        [
            AccountsPane.self, FlowPane.self, StaticIPsPane.self, OrdersPane.self, PackagesPane.self, WhitelistPane.self,
            ExtractPane.self, ProductsPane.self, AlertsPane.self, ProfilesPane.self,
        ] + added
    }

    /// Panes registered from outside TerminalUI for the task that sets them (a test proving the
    /// recipe registers its own pane this way, without touching any other test's registry).
    @TaskLocal package static var added: [any Pane.Type] = []

    /// The tab labels' counts for `snapshot` (the active alerts), by tab.
    package static func badges(_ snapshot: Snapshot) -> [Tab: String] {
        var badges: [Tab: String] = [:]
        for pane in all { if let badge = pane.badge(snapshot) { badges[pane.tab] = badge } }
        return badges
    }

    /// The tabs the tab row leaves out for `snapshot` (the overview while one profile is watched).
    package static func hidden(_ snapshot: Snapshot) -> Set<Tab> {
        Set(all.filter { !$0.inTabBar(snapshot) }.map { $0.tab })
    }

    package static func pane(_ tab: Tab) -> any Pane.Type {
        all.first { $0.tab == tab } ?? AccountsPane.self
    }

    /// Every key binding: the global ones, then each pane's in tab order, with `map`'s keys.
    static func bindings(_ map: KeyMap = KeyMap()) -> [KeyBinding] { (GlobalKeys.all + all.flatMap { $0.keys }).map(map.binding) }
}
