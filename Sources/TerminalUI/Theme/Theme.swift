/// A colour as a theme file names it.
public enum ThemeColor: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
    case ansi(Int)
    /// An index into the xterm 256-colour palette.
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", "bright-black", "bright-red",
        "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Parses `default`, an ANSI name (`bright-red`), `#rrggbb`, or a palette index `0`…`255`.
    public static func parse(_ text: String) -> ThemeColor? {
        let t = text.lowercased()
        if t == "default" || t == "none" { return .terminalDefault }
        if let index = ansiNames.firstIndex(of: t) { return .ansi(index) }
        if t.hasPrefix("#"), t.count == 7, let value = UInt32(t.dropFirst(), radix: 16) {
            return .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        }
        if let index = Int(t), (0...255).contains(index) { return index < 16 ? .ansi(index) : .indexed(index) }
        return nil
    }

    /// The colour number for a terminal with `colors` colours; nil means the terminal default.
    public func number(forTerminalColors colors: Int) -> Int? {
        switch self {
        case .terminalDefault: return nil
        case .ansi(let n): return colors >= 16 ? n : n % 8
        case .indexed(let n):
            if colors >= 256 { return n }
            return ThemeColor.rgb(Self.paletteRGB(n)).number(forTerminalColors: colors)
        case .rgb(let r, let g, let b):
            if colors >= 256 { return Self.nearest256(r, g, b) }
            // With 8, the nearest of those 8: a grey's nearest of 16 may be bright black, which
            // would become black, the colour of the text on it.
            return Self.nearestANSI(r, g, b, among: colors >= 16 ? 16 : 8)
        }
    }

    private init(_ rgb: (UInt8, UInt8, UInt8)) { self = .rgb(rgb.0, rgb.1, rgb.2) }
    private static func rgb(_ rgb: (UInt8, UInt8, UInt8)) -> ThemeColor { ThemeColor(rgb) }

    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]

    static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8, among count: Int = 16) -> Int {
        var best = 0
        var bestDistance = Int.max
        for (i, c) in ansiRGB.prefix(count).enumerated() {
            let d = (c.0 - Int(r)) * (c.0 - Int(r)) + (c.1 - Int(g)) * (c.1 - Int(g)) + (c.2 - Int(b)) * (c.2 - Int(b))
            if d < bestDistance {
                bestDistance = d
                best = i
            }
        }
        return best
    }

    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        func level(_ v: UInt8) -> Int { v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40 }
        let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let gray = (Int(r) + Int(g) + Int(b)) / 3
        let grayIndex = gray > 238 ? 255 : max(232, 232 + (gray - 8) / 10)
        let cubeRGB = paletteRGB(cube)
        let grayRGB = paletteRGB(grayIndex)
        func distance(_ c: (UInt8, UInt8, UInt8)) -> Int {
            let dr = Int(c.0) - Int(r)
            let dg = Int(c.1) - Int(g)
            let db = Int(c.2) - Int(b)
            return dr * dr + dg * dg + db * db
        }
        return distance(grayRGB) < distance(cubeRGB) ? grayIndex : cube
    }

    static func paletteRGB(_ index: Int) -> (UInt8, UInt8, UInt8) {
        if index < 16 {
            let c = ansiRGB[index]
            return (UInt8(c.0), UInt8(c.1), UInt8(c.2))
        }
        if index < 232 {
            let i = index - 16
            let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
            return (steps[i / 36], steps[(i / 6) % 6], steps[i % 6])
        }
        let v = UInt8(8 + (index - 232) * 10)
        return (v, v, v)
    }
}

/// How one role looks.
public struct ThemeStyle: Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold = false
    public var dim = false
    public var reverse = false
    public var underline = false

    public init(
        _ foreground: ThemeColor = .terminalDefault, _ background: ThemeColor = .terminalDefault, bold: Bool = false,
        dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }
}

/// A named mapping from every `ColorRole` to a style.
public struct Theme: Sendable {
    public var name: String
    public var styles: [ColorRole: ThemeStyle]

    public func style(_ role: ColorRole) -> ThemeStyle { styles[role] ?? styles[.normal] ?? ThemeStyle() }

    /// The built-in dark theme: the binary works without any theme file.
    public static let builtIn: Theme = {
        func c(_ s: String) -> ThemeColor { ThemeColor.parse(s)! }  // literals below are valid
        let styles: [ColorRole: ThemeStyle] = [
            .normal: ThemeStyle(), .dim: ThemeStyle(c("bright-black")), .title: ThemeStyle(c("bright-white"), bold: true),
            .accent: ThemeStyle(c("cyan")), .header: ThemeStyle(c("black"), c("cyan")),
            .tabActive: ThemeStyle(c("black"), c("bright-white"), bold: true), .tabInactive: ThemeStyle(c("white"), c("bright-black")),
            .tableHeader: ThemeStyle(c("black"), c("green"), bold: true),
            .selected: ThemeStyle(c("black"), c("bright-cyan")), .marked: ThemeStyle(c("bright-yellow"), bold: true),
            .gaugeLow: ThemeStyle(c("green")), .gaugeMid: ThemeStyle(c("yellow"), bold: true),
            .gaugeHigh: ThemeStyle(c("bright-red"), bold: true), .gaugeEmpty: ThemeStyle(c("bright-black")),
            .chartBar: ThemeStyle(c("bright-cyan")), .chartAxis: ThemeStyle(c("bright-black")),
            .statusLive: ThemeStyle(c("black"), c("cyan"), bold: true), .statusStale: ThemeStyle(c("black"), c("yellow"), bold: true),
            .statusOffline: ThemeStyle(c("bright-white"), c("red"), bold: true), .warning: ThemeStyle(c("yellow")),
            .error: ThemeStyle(c("bright-red")), .good: ThemeStyle(c("green")), .pending: ThemeStyle(c("magenta")),
            .flash: ThemeStyle(c("bright-yellow")), .footerKey: ThemeStyle(c("black"), c("cyan")),
            .footer: ThemeStyle(c("white"), c("bright-black")), .border: ThemeStyle(c("cyan")),
            .dialog: ThemeStyle(), .input: ThemeStyle(c("bright-white"), underline: true),
        ]
        return Theme(name: "builtin", styles: styles.merging(profileStyles(coloured: true)) { $1 })
    }()

    /// The profile colours' styles: each colour bold on the terminal's background (black on
    /// white, to be seen at all), so that the name stands out of the header bar as well as in a
    /// table; without colour (`coloured` false) only bold, for a theme that uses none.
    static func profileStyles(coloured: Bool) -> [ColorRole: ThemeStyle] {
        ColorRole.profilePalette.reduce(into: [:]) { styles, entry in
            let (name, role) = entry
            if coloured, let colour = ThemeColor.parse(name) {
                styles[role] = name == "black" ? ThemeStyle(colour, .ansi(7), bold: true) : ThemeStyle(colour, bold: true)
            } else {
                styles[role] = ThemeStyle(bold: true)
            }
        }
    }

    /// Whether any style sets a colour (a monochrome theme sets none).
    var usesColour: Bool {
        styles.values.contains { $0.foreground != .terminalDefault || $0.background != .terminalDefault }
    }
}
