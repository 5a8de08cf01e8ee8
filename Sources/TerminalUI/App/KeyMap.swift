/// The user's keys: the config's `[keys.<pane>]` tables laid over the built-in key tables.
/// Dispatch, help and the footer all read keys through it, so a remapped action answers to its
/// new keys only and is shown with them.
public struct KeyMap: Sendable, Equatable {
    /// Keys by action (`accounts.disable`), replacing the built-in ones.
    private var overrides: [String: [Key]] = [:]

    public init() {}

    /// One line of a `[keys.<scope>]` table: `disable = "x"` or `mark = ["m", "M", "U"]`.
    public struct Choice: Sendable {
        public var scope: String
        public var action: String
        public var keys: [String]
        public var line: Int
        public init(scope: String, action: String, keys: [String], line: Int) {
            self.scope = scope
            self.action = action
            self.keys = keys
            self.line = line
        }
    }

    /// What is wrong with a choice, at its line.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { message }
    }

    /// Applies `choices` over the built-in tables; throws on an unknown table, action or key name,
    /// the wrong number of keys, or two actions of one pane (or a pane and the global keys)
    /// left on the same key — naming both.
    public init(_ choices: [Choice]) throws(Problem) {
        var lines: [String: Int] = [:]
        for choice in choices {
            guard let table = Self.table(choice.scope) else {
                throw Problem(
                    line: choice.line,
                    message:
                        "unknown table [keys.\(choice.scope)]; expected one of \(Self.scopes.map { "keys.\($0)" }.joined(separator: ", "))")
            }
            guard let action = table.first(where: { $0.id == choice.action }) else {
                throw Problem(
                    line: choice.line,
                    message:
                        "unknown action '\(choice.action)' in [keys.\(choice.scope)]; expected \(table.map(\.id).joined(separator: ", "))")
            }
            var keys: [Key] = []
            for name in choice.keys {
                guard let key = KeyName.parse(name) else {
                    throw Problem(line: choice.line, message: "'\(name)' is not a key; use \(KeyName.accepted)")
                }
                guard !keys.contains(key) else { throw Problem(line: choice.line, message: "'\(name)' is listed twice") }
                keys.append(key)
            }
            let ref = "\(choice.scope).\(action.id)"
            guard !keys.isEmpty else { throw Problem(line: choice.line, message: "\(ref) needs at least one key") }
            if let slots = action.slots, slots.count != keys.count {
                throw Problem(
                    line: choice.line,
                    message: "\(ref) takes \(slots.count) keys, one each for: \(slots.joined(separator: ", "))")
            }
            overrides[ref] = keys
            lines[ref] = choice.line
        }
        if let (key, first, second) = conflict() {
            let line = max(lines[first] ?? 0, lines[second] ?? 0)
            throw Problem(line: line, message: "key \(KeyName.name(key)) is bound to both \(first) and \(second)")
        }
    }

    /// The keys `action` answers to.
    func keys(_ action: KeyAction) -> [Key] { overrides[Self.ref(action)] ?? action.keys }

    /// How help and the footer show `action`'s keys.
    func label(_ action: KeyAction) -> String {
        guard let keys = overrides[Self.ref(action)] else { return action.binding.keys }
        return keys.map(KeyName.name).joined(separator: " ")
    }

    /// `binding` with the keys this map gives it.
    func binding(_ action: KeyAction) -> KeyBinding {
        var binding = action.binding
        binding.keys = label(action)
        return binding
    }

    /// The first key that two actions answer to in one pane (the pane's keys and the global ones),
    /// unless a pane action takes that global action's keys on purpose (`KeyAction.overrides`).
    private func conflict() -> (Key, String, String)? {
        for pane in Panes.all {
            let actions = GlobalKeys.all + pane.keys
            var owner: [Key: KeyAction] = [:]
            for action in actions {
                for key in keys(action) {
                    guard let other = owner[key] else {
                        owner[key] = action
                        continue
                    }
                    if other.binding.scope == .global, action.overrides.contains(other.id) { continue }
                    if action.binding.scope == .global, other.overrides.contains(action.id) { continue }
                    return (key, Self.ref(other), Self.ref(action))
                }
            }
        }
        return nil
    }

    static var scopes: [String] { ["global"] + Panes.all.map { $0.id } }

    static func table(_ scope: String) -> [KeyAction]? {
        scope == "global" ? GlobalKeys.all : Panes.all.first { $0.id == scope }?.keys
    }

    static func ref(_ action: KeyAction) -> String {
        switch action.binding.scope {
        case .global: return "global.\(action.id)"
        case .pane(let tab): return "\(Panes.pane(tab).id).\(action.id)"
        }
    }
}
