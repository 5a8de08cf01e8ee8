import Foundation
import Monitor

/// `P`: the watched profiles, to show another. ↑↓ choose, typing the start of a name jumps to the
/// first that starts so, Enter shows the chosen one, Esc closes.
public struct ProfilePicker: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var colour: String?
        public var readOnly: Bool
    }

    public var entries: [Entry]
    /// The profile on screen when the picker opened.
    public var active: String
    public var selected: Int
    /// The start of a name typed so far; moving with the arrows forgets it.
    public var typed = ""

    /// Opens on the profile on screen.
    public init(_ roster: ProfileRoster) {
        entries = roster.rows.map { Entry(name: $0.name, colour: $0.colour, readOnly: $0.readOnly) }
        active = roster.active
        selected = entries.firstIndex { $0.name == roster.active } ?? 0
    }

    public enum Outcome: Sendable, Equatable { case open, cancelled, chosen(String) }

    /// Whether a name starts with what was typed (true when nothing was).
    public var typedMatches: Bool { typed.isEmpty || firstMatch(typed) != nil }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape: return .cancelled
        case .enter:
            guard entries.indices.contains(selected) else { return .cancelled }
            return .chosen(entries[selected].name)
        case .up, .backTab:
            typed = ""
            selected = max(0, selected - 1)
        case .down, .tab:
            typed = ""
            selected = min(max(0, entries.count - 1), selected + 1)
        case .home:
            typed = ""
            selected = 0
        case .end:
            typed = ""
            selected = max(0, entries.count - 1)
        case .backspace, .delete:
            if !typed.isEmpty { typed.removeLast() }
            jump()
        case .control("u"):
            typed = ""
        case .character(let c) where !c.isNewline && typed.count < 32:
            typed.append(c)
            jump()
        default: break
        }
        return .open
    }

    /// To the first name that starts with what was typed, ignoring case; where it was if none does.
    private mutating func jump() {
        if !typed.isEmpty, let index = firstMatch(typed) { selected = index }
    }

    private func firstMatch(_ prefix: String) -> Int? {
        let start = prefix.lowercased()
        return entries.firstIndex { $0.name.lowercased().hasPrefix(start) }
    }
}
