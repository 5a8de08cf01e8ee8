import Foundation
import Monitor
import Testing

@testable import TerminalUI

/// The sample screen `themes` draws, and its conversion to escape sequences.
@Suite struct ThemeSampleTests {
    init() { DisplayWidth.prepareLocale() }

    /// Header, tabs, the table with a selected, a marked, a disabled and a nearly full account,
    /// a wide remark, gauges, the flash line and the footer: every bar a theme colours.
    @Test func sampleShowsEveryKindOfRow() throws {
        let screen = ThemeSample.render()
        #expect(screen.width == 80 && screen.height == 12)
        #expect(screen.line(0).contains("● live"))
        #expect(screen.role(0, 0) == .header && screen.role(0, 1) != .header)
        #expect(screen.line(3).hasPrefix("USERNAME") && screen.role(0, 3) == .tableHeader)
        let rows = (4...9).map { screen.line($0) }
        let near = try #require(rows.firstIndex { $0.contains("shop-tokyo") })
        #expect(rows[near].contains("97%") && rows[near].contains("东京店铺"))
        let gauge = try #require(screen.lines[3].range(of: "USE%"))
        let x = screen.lines[3].distance(from: screen.lines[3].startIndex, to: gauge.lowerBound)
        #expect(screen.role(x, 4 + near) == .gaugeHigh)
        #expect(screen.role(0, 5) == .selected && rows[1].contains("crawler-01"))
        let marked = try #require(rows.firstIndex { $0.hasPrefix("● qa-bot") })
        #expect((0..<80).contains { screen.role($0, 4 + marked) == .marked })
        let disabled = try #require(rows.firstIndex { $0.contains("backup-eu") })
        #expect(screen.role(2, 4 + disabled) == .dim && rows[disabled].contains("off"))
        #expect(screen.line(10).contains("1 marked: qa-bot"))
        #expect(screen.line(11).contains("q quit") && screen.role(79, 11) == .footer)
        for line in screen.lines { #expect(DisplayWidth.columns(line) == 80, "\(line)") }
    }

    func theme(_ styles: String) throws -> Theme { try ThemeFile.parse("[styles]\n" + styles, file: "t.toml") }

    /// `#rrggbb` as 24-bit, as the nearest of 256 or as an ANSI colour by what the terminal has;
    /// ANSI names and palette indices stay as written.
    @Test func coloursAreWrittenAsTheTerminalCanShowThem() throws {
        let theme = try theme(
            """
            "header" = { fg = "#bd93f9", bg = "#282a36", bold = true }
            "footer.text" = { fg = "bright-red", bg = "blue" }
            "flash" = { fg = "208" }
            """)
        func sgr(_ role: ColorRole, _ colors: TerminalColors) -> String { ANSIText.sgr(role, theme: theme, colors: colors) }
        #expect(sgr(.header, .direct) == "\u{1B}[0;1;38;2;189;147;249;48;2;40;42;54m")
        #expect(sgr(.header, .palette(256)) == "\u{1B}[0;1;38;5;141;48;5;235m")
        #expect(sgr(.footer, .direct) == "\u{1B}[0;91;44m")
        #expect(sgr(.footer, .palette(8)) == "\u{1B}[0;31;44m")
        #expect(sgr(.flash, .direct) == "\u{1B}[0;38;5;208m")
        let sixteen = sgr(.header, .palette(16))
        #expect(!sixteen.contains("38;") && !sixteen.contains("48;"), "\(sixteen)")
        #expect(sgr(.header, .plain) == "")
        // Without colour the meaning stays in attributes, as the curses backend draws it.
        #expect(sgr(.header, .attributesOnly) == "\u{1B}[0;1;7m")
        #expect(sgr(.dim, .attributesOnly) == "\u{1B}[0;2m")
    }

    /// Each row's text is the grid's, wide glyphs once; a style change is a sequence, and every
    /// coloured row ends with a reset.
    @Test func rowsKeepTheirTextAndEndReset() throws {
        let screen = ThemeSample.render()
        let theme = try ThemeFile.parse(
            String(contentsOfFile: ThemeTests.themesFolder + "/dracula.toml", encoding: .utf8), file: "dracula")
        let coloured = ANSIText.lines(screen, theme: theme, colors: .direct)
        #expect(ANSIText.lines(screen, theme: theme, colors: .plain) == screen.lines)
        #expect(coloured.count == 12)
        for (row, line) in coloured.enumerated() {
            #expect(line.hasSuffix("\u{1B}[0m"))
            #expect(Self.stripped(line) == screen.lines[row])
        }
        #expect(coloured[0].hasPrefix("\u{1B}[0;38;2;40;42;54;48;2;189;147;249m proxylite-top"))
    }

    static func stripped(_ line: String) -> String {
        line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }
}
