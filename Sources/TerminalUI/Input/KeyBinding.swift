/// How a key is described: the help overlay and the footer are built from these, which the
/// panes' key tables (`KeyAction`) carry beside the handlers.
public struct KeyBinding: Sendable, Hashable {
    public enum Scope: Sendable, Hashable { case global, pane(Tab) }
    public var keys: String
    /// What it does, resolved in the language being drawn.
    public var action: String { label.text }
    public var label: UILabel
    public var scope: Scope
    /// Shown in the footer (the rest only in help).
    public var inFooter: Bool
    /// Changes the account: hidden, and refused, in read-only mode.
    public var writes: Bool

    init(keys: String, action: UILabel, scope: Scope, inFooter: Bool, writes: Bool = false) {
        self.keys = keys
        self.label = action
        self.scope = scope
        self.inFooter = inFooter
        self.writes = writes
    }

    /// Every binding: the global keys, then each pane's, in tab order (from the panes' key tables).
    public static var all: [KeyBinding] { Panes.bindings() }

    /// The bindings that apply: without the writes in read-only mode.
    public static func available(readOnly: Bool, keys: KeyMap = KeyMap()) -> [KeyBinding] {
        let all = Panes.bindings(keys)
        return readOnly ? all.filter { !$0.writes } : all
    }

    public static func footer(for tab: Tab, readOnly: Bool = false, keys: KeyMap = KeyMap()) -> [KeyBinding] {
        available(readOnly: readOnly, keys: keys).filter { $0.inFooter && ($0.scope == .global || $0.scope == .pane(tab)) }
            .sorted { ($0.scope == .global ? 1 : 0) < ($1.scope == .global ? 1 : 0) }
    }
}
