/// The keys of the dashboard as data: the help overlay and the footer are built from this table,
/// and a test checks that no key is bound twice in the same pane.
public struct KeyBinding: Sendable, Hashable {
    public enum Scope: Sendable, Hashable { case global, pane(Tab) }
    public var keys: String
    public var action: String
    public var scope: Scope
    /// Shown in the footer (the rest only in help).
    public var inFooter: Bool

    public static let all: [KeyBinding] = [
        KeyBinding(keys: "1-4", action: "switch pane", scope: .global, inFooter: false),
        KeyBinding(keys: "Tab", action: "next pane", scope: .global, inFooter: false),
        KeyBinding(keys: "S-Tab", action: "previous pane", scope: .global, inFooter: false),
        KeyBinding(keys: "?", action: "help", scope: .global, inFooter: true),
        KeyBinding(keys: "r", action: "refresh now", scope: .global, inFooter: true),
        KeyBinding(keys: "^L", action: "repaint", scope: .global, inFooter: false),
        KeyBinding(keys: "q", action: "quit", scope: .global, inFooter: true),
        KeyBinding(keys: "↑↓ PgUp PgDn Home End", action: "move", scope: .global, inFooter: false),
        KeyBinding(keys: "/", action: "filter", scope: .pane(.accounts), inFooter: true),
        KeyBinding(keys: "Esc", action: "clear filter", scope: .pane(.accounts), inFooter: false),
        KeyBinding(keys: "s", action: "sort by next column", scope: .pane(.accounts), inFooter: true),
        KeyBinding(keys: "S", action: "reverse sort", scope: .pane(.accounts), inFooter: true),
        KeyBinding(keys: "Enter", action: "account details", scope: .pane(.accounts), inFooter: true),
        KeyBinding(keys: "[ ]", action: "7 / 30 / 90 days", scope: .pane(.flow), inFooter: true),
        KeyBinding(keys: "↑↓", action: "choose sub-account", scope: .pane(.flow), inFooter: true),
        KeyBinding(keys: "/", action: "filter (IP, country, status, type)", scope: .pane(.staticIPs), inFooter: true),
        KeyBinding(keys: "Esc", action: "clear filter", scope: .pane(.staticIPs), inFooter: false),
        KeyBinding(keys: "Enter", action: "every field", scope: .pane(.staticIPs), inFooter: true),
        KeyBinding(keys: "f", action: "filter by status", scope: .pane(.orders), inFooter: true),
    ]

    public static func footer(for tab: Tab) -> [KeyBinding] {
        all.filter { $0.inFooter && ($0.scope == .global || $0.scope == .pane(tab)) }
            .sorted { ($0.scope == .global ? 1 : 0) < ($1.scope == .global ? 1 : 0) }
    }
}
