/// How much of a theme a terminal (or a file) can show, for `ANSIText`.
public enum TerminalColors: Sendable, Hashable {
    /// Text only: no escape sequences at all (a pipe, `TERM=dumb`).
    case plain
    /// Bold, dim, underline and reverse video but no colour: what the dashboard draws with
    /// `NO_COLOR` or on a terminal without colours.
    case attributesOnly
    /// A palette of 8, 16 or 256 colours: `#rrggbb` becomes the nearest palette colour, as the
    /// curses backend picks it.
    case palette(Int)
    /// 24-bit colour: `#rrggbb` as written, palette colours as palette colours.
    case direct
}

/// A cell grid as text with SGR escape sequences for a theme: the dashboard's look outside
/// curses (the `themes` command's samples).
public enum ANSIText {
    /// Each row of `buffer`, wide glyphs once; a row that changes style ends with a reset.
    public static func lines(_ buffer: CellBuffer, theme: Theme, colors: TerminalColors) -> [String] {
        guard colors != .plain else { return buffer.lines }
        var sequences: [ColorRole: String] = [:]
        return (0..<buffer.height).map { y in
            var line = ""
            var current: ColorRole?
            for x in 0..<buffer.width where !buffer[x, y].isContinuation {
                let cell = buffer[x, y]
                if cell.role != current {
                    if sequences[cell.role] == nil { sequences[cell.role] = sgr(cell.role, theme: theme, colors: colors) }
                    line += sequences[cell.role] ?? ""
                    current = cell.role
                }
                line += cell.text
            }
            return current == nil ? line : line + "\u{1B}[0m"
        }
    }

    /// The sequence that starts text in `role`: a reset, then the role's attributes and colours.
    public static func sgr(_ role: ColorRole, theme: Theme, colors: TerminalColors) -> String {
        guard colors != .plain else { return "" }
        let style = theme.style(role)
        var emphasis = style
        if colors == .attributesOnly {
            let extra = role.monochromeEmphasis
            emphasis.bold = emphasis.bold || extra.bold
            emphasis.dim = emphasis.dim || extra.dim
            emphasis.underline = emphasis.underline || extra.underline
            emphasis.reverse = emphasis.reverse || extra.reverse
        }
        var codes = ["0"]
        if emphasis.bold { codes.append("1") }
        if emphasis.dim { codes.append("2") }
        if emphasis.underline { codes.append("4") }
        if emphasis.reverse { codes.append("7") }
        if colors != .attributesOnly {
            codes += colourCodes(style.foreground, background: false, colors: colors)
            codes += colourCodes(style.background, background: true, colors: colors)
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// The SGR parameters for one colour: 30–37/90–97 (40–47/100–107) for the 16 ANSI colours,
    /// 38;5;n (48;5;n) for the 256-colour palette, 38;2;r;g;b (48;2;…) for 24-bit.
    static func colourCodes(_ colour: ThemeColor, background: Bool, colors: TerminalColors) -> [String] {
        let base = background ? 40 : 30
        let extended = background ? "48" : "38"
        switch colors {
        case .plain, .attributesOnly: return []
        case .direct:
            switch colour {
            case .terminalDefault: return []
            case .rgb(let r, let g, let b): return ["\(extended);2;\(r);\(g);\(b)"]
            case .ansi, .indexed: return colourCodes(colour, background: background, colors: .palette(256))
            }
        case .palette(let count):
            guard let n = colour.number(forTerminalColors: count) else { return [] }
            if n < 8 { return ["\(base + n)"] }
            if n < 16 { return ["\(base + 60 + n - 8)"] }
            return ["\(extended);5;\(n)"]
        }
    }
}

extension ColorRole {
    /// Without colour, meaning is carried by attributes alone: reverse video for the bars and the
    /// selection, bold for what must be noticed, dim for what may be passed over.
    var monochromeEmphasis: ThemeStyle {
        switch self {
        case .header, .tabActive, .selected, .statusLive, .footerKey, .statusOffline, .statusStale: return ThemeStyle(reverse: true)
        case .tableHeader, .title, .gaugeHigh, .warning, .error, .flash: return ThemeStyle(bold: true)
        case .dim, .gaugeEmpty, .chartAxis: return ThemeStyle(dim: true)
        case .input: return ThemeStyle(underline: true)
        default: return ThemeStyle()
        }
    }
}
