import Foundation
import Monitor
import TOMLReading
import Testing

@testable import TerminalUI

/// Every theme in `themes/`: it loads, it sets every role, and what it draws can be read.
@Suite struct ShippedThemesTests {
    static let folder = ThemeTests.themesFolder

    static var names: [String] { ThemeFile.available([folder]) }

    static func load(_ name: String) throws -> (theme: Theme, text: String) {
        let text = try String(contentsOfFile: folder + "/\(name).toml", encoding: .utf8)
        return (try ThemeFile.parse(text, file: name), text)
    }

    /// Roles whose faintness is the point: they are not held to a contrast.
    static let faint: Set<ColorRole> = [.dim, .gaugeEmpty, .chartAxis]

    @Test func elevenOrMoreLoadAndSetEveryRole() throws {
        let names = Self.names
        #expect(names.count >= 11, "\(names)")
        for expected in [
            "solarized-dark", "solarized-light", "dracula", "catppuccin-mocha", "catppuccin-latte", "tokyo-night", "gruvbox-light",
        ] {
            #expect(names.contains(expected), "\(expected) is not shipped")
        }
        let meanings = Set(ColorRole.allCases.filter { !$0.isProfileColour }.map(\.rawValue))
        for name in names {
            let (theme, text) = try Self.load(name)
            let document = try TOMLDocument(parsing: text)
            let written = Set(document.entries.filter { $0.table == "styles" }.map(\.key))
            #expect(written.isSuperset(of: meanings), "\(name) leaves out \(meanings.subtracting(written).sorted())")
            #expect(theme.styles.count == ColorRole.allCases.count, "\(name)")
            #expect(document.entries.contains { $0.table.isEmpty && $0.key == "name" }, "\(name) has no name")
            #expect(text.hasPrefix("# "), "\(name) has no description comment for `themes`")
        }
    }

    /// The selection is a bar of its own: it has a background (or reverse video), its text is
    /// not its background, and it looks like neither a plain row nor a marked one.
    @Test func selectedAndMarkedRowsStandOut() throws {
        for name in Self.names {
            let theme = try Self.load(name).theme
            let selected = theme.style(.selected)
            #expect(selected.background != .terminalDefault || selected.reverse, "\(name): the selection has no bar")
            // (Both the terminal's own in reverse video, as monochrome has it, reads as well.)
            let reversed = selected.reverse && selected.background == .terminalDefault
            #expect(reversed || selected.foreground != selected.background, "\(name): selected text in its background colour")
            #expect(selected != theme.style(.normal) && selected != theme.style(.marked), "\(name)")
            let marked = theme.style(.marked)
            #expect(marked != theme.style(.normal), "\(name): a marked row looks like any other")
        }
    }

    /// Contrast (WCAG's ratio) of every colour a theme spells out as `#rrggbb`: text on its own
    /// background; text without one on the terminal background the theme is for (light when its
    /// normal text is dark). ANSI names are the terminal's own palette and cannot be judged here.
    @Test func textIsReadableOnItsBackground() throws {
        for name in Self.names {
            let theme = try Self.load(name).theme
            guard let normal = Self.rgb(theme.style(.normal).foreground) else { continue }
            let terminal: RGB = Self.luminance(normal) < 0.2 ? (255, 255, 255) : (0, 0, 0)
            for role in ColorRole.allCases where !Self.faint.contains(role) {
                let style = theme.style(role)
                guard !style.reverse, let foreground = Self.rgb(style.foreground) else { continue }
                let ownBackground = Self.rgb(style.background)
                if style.background != .terminalDefault, ownBackground == nil { continue }
                let ratio = Self.contrast(foreground, ownBackground ?? terminal)
                let least =
                    [.normal, .title, .selected, .input, .dialog].contains(role) ? 4.5 : ownBackground != nil ? 3.0 : 2.5
                #expect(ratio >= least, "\(name) \(role.rawValue): contrast \(ratio), less than \(least)")
            }
            if let bar = Self.rgb(theme.style(.selected).background) {
                #expect(Self.contrast(bar, terminal) >= 1.3, "\(name): the selection bar is lost in the background")
            }
        }
    }

    /// On a terminal of 256, 16 or 8 colours a theme's colours become the nearest the terminal
    /// has; text must not land on the very colour of its background.
    @Test(arguments: [256, 16, 8])
    func noTextTakesItsBackgroundsColourWhenColoursDegrade(colors: Int) throws {
        for name in Self.names {
            let theme = try Self.load(name).theme
            for role in ColorRole.allCases {
                let style = theme.style(role)
                guard let foreground = style.foreground.number(forTerminalColors: colors),
                    let background = style.background.number(forTerminalColors: colors)
                else { continue }
                #expect(foreground != background, "\(name) \(role.rawValue) at \(colors) colours: both \(foreground)")
            }
        }
    }

    /// A grey with 8 colours is the nearest of those 8, not bright black folded into black.
    @Test func greysStayOffBlackWithEightColours() {
        #expect(ThemeColor.parse("#83a598")?.number(forTerminalColors: 8) == 7)
        #expect(ThemeColor.parse("#81a1c1")?.number(forTerminalColors: 8) != 0)
        #expect(ThemeColor.parse("#1a1b26")?.number(forTerminalColors: 8) == 0)
        #expect(ThemeColor.parse("#dc322f")?.number(forTerminalColors: 8) == 1)
    }

    typealias RGB = (Int, Int, Int)

    static func rgb(_ colour: ThemeColor) -> RGB? {
        switch colour {
        case .rgb(let r, let g, let b): return (Int(r), Int(g), Int(b))
        case .indexed(let n) where n >= 16:
            let c = ThemeColor.paletteRGB(n)
            return (Int(c.0), Int(c.1), Int(c.2))
        default: return nil
        }
    }

    static func luminance(_ c: RGB) -> Double {
        func channel(_ v: Int) -> Double {
            let s = Double(v) / 255
            return s <= 0.039_28 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    static func contrast(_ a: RGB, _ b: RGB) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
