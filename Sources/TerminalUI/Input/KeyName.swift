/// Keys as people write them in the config and read them in help: `x`, `Space`, `Enter`, `^L`.
public enum KeyName {
    /// The key `text` names, or nil. Names are case-insensitive; a single character is itself.
    public static func parse(_ text: String) -> Key? {
        let lower = text.lowercased()
        if let key = named[lower] { return key }
        if text.count == 1, let c = text.first, !c.isWhitespace || c == " " { return .character(c) }
        for prefix in ["^", "c-", "ctrl-", "ctrl+"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isASCII, c.isLetter else { return nil }
            // The terminal sends these as Tab, Enter, Enter and Backspace, and Ctrl-Z suspends:
            // a binding to them could never fire.
            guard !"imjhz".contains(c) else { return nil }
            return .control(c)
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { return .function(n) }
        return nil
    }

    /// How help and the footer show `key`.
    public static func name(_ key: Key) -> String {
        switch key {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .control(let c): return "^" + c.uppercased()
        case .function(let n): return "F\(n)"
        case .mouse: return "mouse"
        case .paste: return "paste"
        }
    }

    /// For messages: the names `parse` knows besides single characters.
    static let accepted =
        "a character, Space, Enter, Esc, Tab, S-Tab, Up, Down, Left, Right, PgUp, PgDn, Home, End, Backspace, Delete, F1–F12 or ^x"

    private static let named: [String: Key] = [
        "space": .character(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab,
        "s-tab": .backTab, "shift-tab": .backTab, "backtab": .backTab, "up": .up, "↑": .up, "down": .down, "↓": .down,
        "left": .left, "←": .left, "right": .right, "→": .right, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown,
        "pagedown": .pageDown, "home": .home, "end": .end, "backspace": .backspace, "delete": .delete, "del": .delete,
    ]
}
