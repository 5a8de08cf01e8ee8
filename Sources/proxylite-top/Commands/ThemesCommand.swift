import ArgumentParser
import Foundation
import ProxyLiteAPI
import TerminalUI

/// Lists the themes the dashboard can find and shows each on a small sample screen, drawn by the
/// real screen code from made-up data: no API, no simulator.
struct ThemesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the themes and show a sample screen in each (no API needed).",
        discussion: """
            Themes are found in $XDG_CONFIG_HOME/proxylite-top/themes, then in themes/ or \
            share/proxylite-top/themes beside the binary, then /usr/local/share and /usr/share; the first \
            file of a name wins. A theme file that cannot be read is reported with its file and line, and \
            the others are still listed. * marks the theme the config chooses.
            Exit codes: 0 ok, 2 usage error or an unknown or broken --theme.
            """)

    @Flag(help: "Print only the names of the usable themes, one per line (for scripts and completion).")
    var list = false

    @Option(help: ArgumentHelp("Show only this theme: a name from the list, or a path to a theme file.", valueName: "name"))
    var theme: String?

    @Option(
        help: "When to colour the samples: auto is when standard output is a terminal (attributes only with NO_COLOR).")
    var color: ColorWhen = .auto

    @Option(help: ArgumentHelp("How many colours the samples use (default: as COLORTERM and TERM say).", valueName: "depth"))
    var depth: ColorDepth?

    @Option(
        help: ArgumentHelp("Config file whose theme is marked (default: $XDG_CONFIG_HOME/proxylite-top/config.toml).", valueName: "path"))
    var config: String?

    enum ColorWhen: String, CaseIterable, ExpressibleByArgument { case auto, always, never }

    enum ColorDepth: String, CaseIterable, ExpressibleByArgument {
        case truecolor
        case palette256 = "256"
        case palette16 = "16"
        case palette8 = "8"
    }

    func validate() throws {
        if list, theme != nil { throw ValidationError("--list prints every name; leave out --theme.") }
    }

    func run() async throws {
        try await reportingErrors {
            DisplayWidth.prepareLocale()
            let environment = ProcessInfo.processInfo.environment
            let entries = ThemeCatalogue.entries(folders: DashboardCommand.themeFolders)
            // Every broken file the list leaves out or marks, named with its line (not when one
            // other theme is asked for: that one's own problem is the error then).
            if theme == nil {
                for entry in entries where entry.shadowedBy == nil {
                    if case .failure(let problem) = entry.theme { warn("theme error: \(problem)") }
                }
            }
            if list {
                let names = Set(entries.filter(\.isUsable).map(\.name))
                write(names.sorted().map { SafeText.escapingControls($0) + "\n" }.joined())
                return
            }
            let colors = Self.terminalColors(
                color, depth: depth, isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment)
            if let theme {
                let entry = try Self.entry(named: theme, in: entries)
                write(Self.sample(entry, colors: colors, describe: true))
                return
            }
            let chosen = configChoice()
            var shown = entries
            if let chosen, ThemeCatalogue.isPath(chosen) {
                let expanded = (chosen as NSString).expandingTildeInPath
                var entry = ThemeCatalogue.load(path: expanded, name: chosen)
                if case .failure(let problem) = entry.theme { warn("theme error: \(problem)") }
                entry.folder = nil
                shown.insert(entry, at: 0)
            } else if let chosen, !entries.contains(where: { $0.name == chosen && $0.shadowedBy == nil }),
                !(chosen == "default" && entries.contains { $0.name == ThemeCatalogue.builtInName })
            {
                warn("the config's theme '\(SafeText.escapingControls(chosen))' is not among these")
            }
            var output = Self.listing(shown, chosen: chosen)
            for entry in shown where entry.isUsable {
                output += "\n" + Self.sample(entry, colors: colors)
            }
            write(output)
        }
    }

    /// The theme the config names (`theme = …`), nil when it names none; a config that cannot be
    /// read only costs the mark.
    func configChoice() -> String? {
        do {
            return try ConfigFile.load(explicit: config).theme
        } catch {
            warn("config error: \(error) (the config's theme is not marked)")
            return nil
        }
    }

    /// The entry `--theme` names; exit 2 with the names when there is none, or with the problem.
    static func entry(named name: String, in entries: [ThemeEntry]) throws -> ThemeEntry {
        let entry: ThemeEntry
        if ThemeCatalogue.isPath(name) {
            entry = ThemeCatalogue.load(path: (name as NSString).expandingTildeInPath, name: name)
        } else if let found = entries.first(where: {
            ($0.name == name || (name == "default" && $0.name == ThemeCatalogue.builtInName)) && $0.shadowedBy == nil
        }) {
            entry = found
        } else {
            let names = Set(entries.filter(\.isUsable).map(\.name)).sorted()
            throw CLIError.usage(
                "no theme named '\(name)'. The themes: \(names.joined(separator: ", ")) (or a path to a theme file)")
        }
        if case .failure(let problem) = entry.theme { throw CLIError.usage("theme error: \(problem)") }
        return entry
    }

    /// The themes by folder, in the order the dashboard looks; * marks the config's choice.
    static func listing(_ entries: [ThemeEntry], chosen: String?) -> String {
        let width = min(24, entries.map { DisplayWidth.columns($0.name) }.max() ?? 0)
        var text = "Themes, in the order the dashboard looks for them (--theme NAME, or theme = \"NAME\" in the config):\n"
        var group: String?
        for entry in entries {
            let place = SafeText.escapingControls(entry.path == nil ? "built in" : entry.folder.map(abbreviated) ?? "named by the config")
            if group != place {
                text += "\n\(place):\n"
                group = place
            }
            let isChosen =
                entry.shadowedBy == nil
                && (chosen == entry.name || (chosen == nil || chosen == "default") && entry.name == ThemeCatalogue.builtInName)
            let name = SafeText.escapingControls(entry.name)
            let padded = name + String(repeating: " ", count: max(1, width + 2 - DisplayWidth.columns(name)))
            let detail: String
            if let shadow = entry.shadowedBy {
                detail = "(not used: \(SafeText.escapingControls(abbreviated(shadow))) comes first)"
            } else {
                switch entry.theme {
                case .failure(let problem):
                    detail =
                        "cannot be used: "
                        + SafeText.escapingControls(problem.line > 0 ? "line \(problem.line): \(problem.message)" : problem.message)
                case .success(let theme):
                    let title = SafeText.escapingControls(theme.name)
                    // The title when it says more than the name and the description does not start with it.
                    let named = title == entry.name || entry.description?.contains(title) == true
                    detail = [named ? nil : title, entry.description].compactMap { $0 }.joined(separator: " · ")
                }
            }
            text += "\(isChosen ? "*" : " ") \(padded)\(detail)\n"
        }
        if let chosen {
            text += "\n* the config's choice: theme = \"\(SafeText.escapingControls(chosen))\"\n"
        } else {
            text += "\n* what the dashboard uses: the config chooses no theme\n"
        }
        return text
    }

    /// One theme's heading and its sample screen.
    static func sample(_ entry: ThemeEntry, colors: TerminalColors, describe: Bool = false) -> String {
        guard case .success(let theme) = entry.theme else { return "" }
        let title = SafeText.escapingControls(theme.name)
        var heading = "── \(SafeText.escapingControls(entry.name))"
        if title != entry.name { heading += " · \(title)" }
        heading += " · " + SafeText.escapingControls(entry.path.map(abbreviated) ?? "built in") + " "
        let fill = max(3, ThemeSample.width - DisplayWidth.columns(heading))
        let screen = ANSIText.lines(ThemeSample.render(), theme: theme, colors: colors)
        let description = describe ? entry.description.map { $0 + "\n" } ?? "" : ""
        return heading + String(repeating: "─", count: fill) + "\n" + description + screen.map { $0 + "\n" }.joined()
    }

    /// `~/…` for paths in the home folder.
    static func abbreviated(_ path: String) -> String {
        let home = NSHomeDirectory()
        guard home.count > 1, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    /// What the samples may use: `never` and (with `auto`) a pipe or `TERM=dumb` get plain text,
    /// `auto` with NO_COLOR attributes only (as the dashboard draws then); colours as `--depth`
    /// says, else 24-bit when COLORTERM says so, 256 for a `*256color` TERM, 8 for the Linux
    /// console, 16 otherwise.
    static func terminalColors(_ when: ColorWhen, depth: ColorDepth?, isTerminal: Bool, environment: [String: String]) -> TerminalColors {
        let term = environment["TERM"] ?? ""
        switch when {
        case .never: return .plain
        case .auto:
            guard isTerminal, term != "dumb" else { return .plain }
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .attributesOnly }
        case .always: break
        }
        switch depth {
        case .truecolor: return .direct
        case .palette256: return .palette(256)
        case .palette16: return .palette(16)
        case .palette8: return .palette(8)
        case nil:
            let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
            if colorTerm == "truecolor" || colorTerm == "24bit" || term.hasSuffix("-direct") { return .direct }
            if term.contains("256color") { return .palette(256) }
            if term == "linux" { return .palette(8) }
            return .palette(16)
        }
    }

    private func warn(_ message: String) {
        FileHandle.standardError.write(Data("proxylite-top: \(SafeText.escapingControls(message))\n".utf8))
    }

    private func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
}
