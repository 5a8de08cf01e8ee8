/// Bracketed paste (DEC mode 2004): the terminal wraps pasted text in `ESC [200~` … `ESC [201~`.
/// ncurses knows neither sequence, so it hands them over as separate keys (Escape, `[`, `2`, …);
/// this decoder finds them in the key stream and turns everything between them into one
/// `.paste` event. It keeps state across reads: a long paste arrives over several.
public struct PasteDecoder: Sendable {
    public static let enable = "\u{1b}[?2004h"
    public static let disable = "\u{1b}[?2004l"

    static let start: [Key] = [.escape] + "[200~".map(Key.character)
    static let end: [Key] = [.escape] + "[201~".map(Key.character)
    /// A paste whose end marker never comes is handed over once it is this long, rather than
    /// swallowing every later key.
    static let limit = 1 << 20

    /// The text of a paste under way (between the markers), or nil outside one.
    private var text: String?
    /// Keys at the end of the last read that may be the start of a marker.
    private var held: [Key] = []

    public init() {}

    /// Whether a paste has begun and not ended yet.
    public var inPaste: Bool { text != nil }

    /// The keys of one read, with pastes folded into `.paste` events.
    public mutating func feed(_ keys: [Key]) -> [Key] {
        let input = held + keys
        held = []
        var output: [Key] = []
        var i = 0
        while i < input.count {
            let marker = text == nil ? Self.start : Self.end
            let rest = input[i...]
            if rest.starts(with: marker) {
                if let pasted = text {
                    output.append(.paste(pasted))
                    text = nil
                } else {
                    text = ""
                }
                i += marker.count
                continue
            }
            // A read that ends part-way into a marker: keep that part for the next read. Outside
            // a paste a lone Escape is a key the user pressed, and goes out at once.
            if rest.count < marker.count, marker.starts(with: rest), rest.count > 1 || text != nil {
                held = Array(rest)
                break
            }
            if var pasted = text {
                text = nil  // so that the append below does not copy the whole text
                Self.append(input[i], to: &pasted)
                if pasted.utf8.count >= Self.limit {
                    output.append(.paste(pasted))
                } else {
                    text = pasted
                }
            } else {
                output.append(input[i])
            }
            i += 1
        }
        return output
    }

    /// A key inside a paste as the text it stands for; keys that are not text are left out.
    private static func append(_ key: Key, to text: inout String) {
        switch key {
        case .character(let c): text.append(c)
        case .enter: text.append("\n")
        case .tab: text.append("\t")
        default: break
        }
    }
}
