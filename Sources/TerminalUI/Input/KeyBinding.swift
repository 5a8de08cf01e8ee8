/// The keys of the dashboard as data: the help overlay and the footer are built from this table,
/// and a test checks that no key is bound twice in the same pane.
public struct KeyBinding: Sendable, Hashable {
    public enum Scope: Sendable, Hashable { case global, pane(Tab) }
    public var keys: String
    public var action: String
    public var scope: Scope
    /// Shown in the footer (the rest only in help).
    public var inFooter: Bool
    /// Changes the account: hidden, and refused, in read-only mode.
    public var writes: Bool

    init(keys: String, action: String, scope: Scope, inFooter: Bool, writes: Bool = false) {
        self.keys = keys
        self.action = action
        self.scope = scope
        self.inFooter = inFooter
        self.writes = writes
    }

    public static let all: [KeyBinding] = [
        KeyBinding(keys: "1-8", action: "switch pane", scope: .global, inFooter: false),
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
        KeyBinding(keys: "Enter", action: "account details (p there shows the password)", scope: .pane(.accounts), inFooter: false),
        KeyBinding(keys: "Space * u", action: "mark / mark all shown / clear marks", scope: .pane(.accounts), inFooter: false),
        KeyBinding(keys: "a", action: "add sub-accounts", scope: .pane(.accounts), inFooter: true, writes: true),
        KeyBinding(keys: "e", action: "enable selected or marked", scope: .pane(.accounts), inFooter: true, writes: true),
        KeyBinding(keys: "d", action: "disable selected or marked", scope: .pane(.accounts), inFooter: true, writes: true),
        KeyBinding(keys: "D", action: "delete selected or marked", scope: .pane(.accounts), inFooter: false, writes: true),
        KeyBinding(keys: "l", action: "change limit", scope: .pane(.accounts), inFooter: true, writes: true),
        KeyBinding(keys: "c", action: "change password, remark, limits, UDP", scope: .pane(.accounts), inFooter: false, writes: true),
        KeyBinding(keys: "y", action: "raw record as the API sends it", scope: .pane(.accounts), inFooter: false),
        KeyBinding(keys: "[ ]", action: "7 / 30 / 90 days", scope: .pane(.flow), inFooter: true),
        KeyBinding(keys: "↑↓", action: "choose sub-account", scope: .pane(.flow), inFooter: true),
        KeyBinding(keys: "/", action: "filter (IP, country, status, type)", scope: .pane(.staticIPs), inFooter: true),
        KeyBinding(keys: "Esc", action: "clear filter", scope: .pane(.staticIPs), inFooter: false),
        KeyBinding(keys: "Enter y", action: "every field, as the API sent it", scope: .pane(.staticIPs), inFooter: true),
        KeyBinding(keys: "Space * u", action: "mark / mark all shown / clear marks", scope: .pane(.staticIPs), inFooter: false),
        // Only a price preview (order/check creates nothing): allowed read-only; the order step after it is not.
        KeyBinding(keys: "R", action: "renewal price of selected or marked", scope: .pane(.staticIPs), inFooter: true),
        KeyBinding(keys: "f", action: "filter by status", scope: .pane(.orders), inFooter: true),
        KeyBinding(keys: "c", action: "close an unpaid order", scope: .pane(.orders), inFooter: true, writes: true),
        KeyBinding(keys: "y", action: "raw record", scope: .pane(.orders), inFooter: false),
        KeyBinding(keys: "f", action: "filter by product type", scope: .pane(.packages), inFooter: true),
        KeyBinding(keys: "y", action: "raw record", scope: .pane(.packages), inFooter: false),
        KeyBinding(keys: "a", action: "add IPs", scope: .pane(.whitelist), inFooter: true, writes: true),
        KeyBinding(keys: "D", action: "remove selected or marked", scope: .pane(.whitelist), inFooter: true, writes: true),
        KeyBinding(keys: "Space * u", action: "mark / mark all shown / clear marks", scope: .pane(.whitelist), inFooter: false),
        KeyBinding(keys: "y", action: "raw record", scope: .pane(.whitelist), inFooter: false),
        KeyBinding(keys: "Enter e", action: "choose region and extract", scope: .pane(.extract), inFooter: true),
        KeyBinding(keys: "w", action: "save the endpoints to a file", scope: .pane(.extract), inFooter: true),
        KeyBinding(keys: "Enter", action: "prices, SKUs and details", scope: .pane(.products), inFooter: true),
    ]

    /// The bindings that apply: without the writes in read-only mode.
    public static func available(readOnly: Bool) -> [KeyBinding] { readOnly ? all.filter { !$0.writes } : all }

    public static func footer(for tab: Tab, readOnly: Bool = false) -> [KeyBinding] {
        available(readOnly: readOnly).filter { $0.inFooter && ($0.scope == .global || $0.scope == .pane(tab)) }
            .sorted { ($0.scope == .global ? 1 : 0) < ($1.scope == .global ? 1 : 0) }
    }
}
