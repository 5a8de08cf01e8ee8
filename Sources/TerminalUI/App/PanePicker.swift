/// `0` or `:`: every pane by name, for when there are more panes than number keys (as k9s's
/// `:`). Typing filters, arrows choose, Enter opens, Esc closes.
public struct PanePicker: Sendable, Equatable {
    public var query = ""
    public var selected = 0

    public init() {}

    public enum Outcome: Sendable, Equatable { case open, cancelled, chosen(Tab) }

    /// The panes whose title, short title, config name (English, whatever the language on
    /// screen) or number matches what was typed, in tab order.
    public var matches: [Tab] {
        let q = query.lowercased()
        return Tab.allCases.filter {
            q.isEmpty || $0.title.lowercased().contains(q) || $0.shortTitle.lowercased().contains(q)
                || $0.description.lowercased().contains(q) || String($0.rawValue) == q
        }
    }

    public mutating func handle(_ key: Key) -> Outcome {
        let count = matches.count
        switch key {
        case .escape: return .cancelled
        case .enter:
            guard count > 0 else { return .open }
            return .chosen(matches[min(selected, count - 1)])
        case .up, .backTab: selected = max(0, selected - 1)
        case .down, .tab: selected = min(max(0, count - 1), selected + 1)
        case .backspace, .delete:
            if !query.isEmpty { query.removeLast() }
            selected = 0
        case .control("u"):
            query = ""
            selected = 0
        case .character(let c) where !c.isNewline && query.count < 32:
            query.append(c)
            selected = 0
        default: break
        }
        return .open
    }
}
