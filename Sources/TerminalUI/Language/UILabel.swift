/// A label in a pane's static table (a key's action, a column's title): a catalogue key resolved
/// in the language being drawn, or, for tables not yet moved to the catalogue (and panes added
/// from outside), fixed text. Fixed text comes from a string literal, so tables written with
/// literals keep compiling while they wait for their keys.
public struct UILabel: Sendable, Hashable, ExpressibleByStringInterpolation {
    enum Source: Sendable, Hashable {
        case fixed(String)
        case key(UIText)
    }

    let source: Source

    public init(_ key: UIText) { source = .key(key) }
    public init(fixed text: String) { source = .fixed(text) }
    public init(stringLiteral value: String) { source = .fixed(value) }
    public init(stringInterpolation: DefaultStringInterpolation) { source = .fixed(String(stringInterpolation: stringInterpolation)) }

    /// The text in `Language.current`.
    public var text: String {
        switch source {
        case .fixed(let text): return text
        case .key(let key): return key()
        }
    }

    public static func key(_ key: UIText) -> UILabel { UILabel(key) }
}
