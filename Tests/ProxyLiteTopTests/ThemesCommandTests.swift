import Foundation
import TerminalUI
import TestSupport
import Testing

@testable import proxylite_top

/// `proxylite-top themes`: the list, the samples, and the errors, with the real binary and a
/// config folder of the test's own.
@Suite struct ThemesCommandTests {
    static let shipped = [
        "ansi16", "default-dark", "gruvbox-dark", "light", "monochrome", "nord", "solarized-dark", "solarized-light", "dracula",
        "catppuccin-mocha", "catppuccin-latte", "tokyo-night", "gruvbox-light",
    ]

    /// Runs `themes` with `$XDG_CONFIG_HOME` a fresh folder; `files` are written into it first
    /// (paths relative to it).
    func themes(
        _ arguments: [String], files: [String: String] = [:], environment: [String: String] = [:]
    ) async throws
        -> (RunResult, String)
    {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        for (path, text) in files {
            let file = home.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let result = try await runBinary(["themes"] + arguments, environment: ["XDG_CONFIG_HOME": home.path].merging(environment) { $1 })
        return (result, home.path)
    }

    @Test func listNamesEveryShippedThemeOnePerLine() async throws {
        let (result, _) = try await themes(["--list"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = result.stdout.split(separator: "\n").map(String.init)
        #expect(names.count >= 11)
        #expect(Set(names).isSuperset(of: Self.shipped + ["builtin"]), "\(names)")
        #expect(names == names.sorted() && Set(names).count == names.count)
        #expect(names.allSatisfy { !$0.contains(" ") && !$0.contains("\u{1B}") })
        #expect(result.stderr.isEmpty)
    }

    /// Each theme is listed with where it was found and its description, then drawn on the
    /// sample screen under a heading with its name; a pipe gets plain text.
    @Test func everyThemeGetsANamedSample() async throws {
        let (result, _) = try await themes([])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}"), "escape sequences into a pipe")
        let headings = result.stdout.split(separator: "\n").filter { $0.hasPrefix("── ") }
        for name in Self.shipped + ["builtin"] {
            #expect(headings.contains { $0.hasPrefix("── \(name) ") }, "no sample for \(name)")
        }
        #expect(headings.count == result.stdout.components(separatedBy: "USERNAME ").count - 1)
        #expect(result.stdout.contains("东京店铺"))
        #expect(result.stdout.contains("/themes:\n"))
        #expect(result.stdout.contains("  dracula") && result.stdout.contains("Dracula (draculatheme.com)"))
        // No config theme: the built-in look is what the dashboard uses.
        #expect(result.stdout.contains("* builtin"))
    }

    @Test func oneThemeInTheColoursAsked() async throws {
        let (truecolor, _) = try await themes(["--theme", "dracula", "--color", "always", "--depth", "truecolor"])
        #expect(truecolor.status == 0, "\(truecolor.stderr)")
        let headings = truecolor.stdout.split(separator: "\n").filter { $0.hasPrefix("── ") }
        #expect(headings.count == 1 && headings[0].hasPrefix("── dracula · Dracula · "))
        #expect(truecolor.stdout.contains("48;2;189;147;249m"), "Dracula's purple header")
        let (palette, _) = try await themes(["--theme", "dracula", "--color", "always", "--depth", "256"])
        #expect(palette.stdout.contains("\u{1B}[") && palette.stdout.contains(";5;") && !palette.stdout.contains(";2;"))
        let (never, _) = try await themes(["--theme", "dracula", "--color", "never"], environment: ["COLORTERM": "truecolor"])
        #expect(!never.stdout.contains("\u{1B}") && never.stdout.contains("shop-tokyo"))
    }

    @Test func unknownThemeExitsTwoWithTheNames() async throws {
        let (result, _) = try await themes(["--theme", "no-such-theme"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no theme named 'no-such-theme'"), "\(result.stderr)")
        #expect(result.stderr.contains("dracula") && result.stderr.contains("solarized-light"))
    }

    /// A broken file in the user's folder is named with its line, on stderr and in the list,
    /// and the other themes are still listed and drawn; asked for by name, it exits 2.
    @Test func brokenUserThemeIsReportedAndTheRestListed() async throws {
        let broken = "# Mine\nname = \"Broken\"\n[styles]\n\"flash\" = { fg = \"reddish\" }\n"
        let files = ["proxylite-top/themes/broken.toml": broken]
        let (listing, folder) = try await themes([], files: files)
        let file = folder + "/proxylite-top/themes/broken.toml"
        #expect(listing.status == 0, "\(listing.stderr)")
        #expect(listing.stderr.contains("\(file):4: 'reddish' is not a colour"), "\(listing.stderr)")
        #expect(listing.stdout.contains("broken") && listing.stdout.contains("line 4: 'reddish' is not a colour"))
        #expect(!listing.stdout.contains("── broken"))
        for name in Self.shipped { #expect(listing.stdout.contains("── \(name) "), "\(name) missing") }
        let (list, _) = try await themes(["--list"], files: files)
        #expect(list.status == 0)
        #expect(!list.stdout.contains("broken") && list.stdout.contains("tokyo-night\n"))
        #expect(list.stderr.contains("broken.toml:4:"))
        let (asked, _) = try await themes(["--theme", "broken"], files: files)
        #expect(asked.status == 2)
        #expect(asked.stderr.contains("broken.toml:4: 'reddish' is not a colour"), "\(asked.stderr)")
    }

    /// The user's own theme of a shipped name comes first, as the dashboard takes it; the
    /// config's choice is marked.
    /// A FIFO among the theme files (or a link to /dev/zero) is reported, never read: the
    /// listing must not hang on it.
    @Test func aThemeThatIsNotARegularFileIsReportedNotRead() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("themes-fifo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = home.appendingPathComponent("proxylite-top/themes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(mkfifo(folder.appendingPathComponent("pipe.toml").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("zero.toml").path, withDestinationPath: "/dev/zero")
        let result = try await runBinary(["themes", "--list"], environment: ["XDG_CONFIG_HOME": home.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("pipe.toml: not a regular file"), "\(result.stderr)")
        #expect(result.stderr.contains("zero.toml: not a regular file"), "\(result.stderr)")
        #expect(result.stdout.contains("nord\n"))
    }

    @Test func userThemesComeFirstAndTheConfigsChoiceIsMarked() async throws {
        let files = [
            "proxylite-top/themes/nord.toml": "# My nord\n[styles]\n\"flash\" = { fg = \"red\" }\n",
            "proxylite-top/config.toml": "theme = \"tokyo-night\"\n",
        ]
        let (result, _) = try await themes([], files: files)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("* tokyo-night ") })
        #expect(lines.contains { $0.hasPrefix("  nord ") && $0.contains("My nord") })
        #expect(lines.contains { $0.hasPrefix("  nord ") && $0.contains("(not used: ") })
        #expect(lines.contains { $0.hasPrefix("── nord · ") && $0.contains("proxylite-top/themes/nord.toml") })
        #expect(lines.contains("* the config's choice: theme = \"tokyo-night\""))
    }

    /// Colour when it can be seen: never into a pipe or a dumb terminal unless asked, attributes
    /// only with NO_COLOR, the depth from COLORTERM and TERM unless given.
    @Test func colourFollowsTheTerminal() {
        typealias Command = ThemesCommand
        func colors(_ when: Command.ColorWhen, depth: Command.ColorDepth? = nil, tty: Bool = true, env: [String: String]) -> TerminalColors
        {
            Command.terminalColors(when, depth: depth, isTerminal: tty, environment: env)
        }
        #expect(colors(.auto, tty: false, env: ["TERM": "xterm-256color"]) == .plain)
        #expect(colors(.auto, env: ["TERM": "dumb"]) == .plain)
        #expect(colors(.auto, env: ["TERM": "xterm-256color", "NO_COLOR": "1"]) == .attributesOnly)
        #expect(colors(.auto, env: ["TERM": "xterm-256color", "NO_COLOR": ""]) == .palette(256))
        #expect(colors(.auto, env: ["TERM": "xterm-256color", "COLORTERM": "truecolor"]) == .direct)
        #expect(colors(.auto, env: ["TERM": "linux"]) == .palette(8))
        #expect(colors(.auto, env: ["TERM": "xterm"]) == .palette(16))
        #expect(colors(.always, tty: false, env: ["NO_COLOR": "1"]) == .palette(16))
        #expect(colors(.always, depth: .palette256, tty: false, env: [:]) == .palette(256))
        #expect(colors(.never, depth: .truecolor, env: ["COLORTERM": "truecolor"]) == .plain)
    }

    @Test func descriptionIsTheOpeningComment() {
        #expect(ThemeCatalogue.description("# Dracula (draculatheme.com).\nname = \"Dracula\"\n") == "Dracula (draculatheme.com).")
        #expect(ThemeCatalogue.description("\n#\n## Two lines,\n# the first counts.\n[styles]\n") == "Two lines,")
        #expect(ThemeCatalogue.description("name = \"x\"\n# later\n") == nil)
        #expect(ThemeCatalogue.description("# \u{1B}[31mred\n") == "\\u{1B}[31mred")
    }
}
