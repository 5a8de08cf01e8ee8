import Foundation
import TOMLReading

/// Reads theme files: `[styles]` maps role keys (`table.header`, `gauge.high` …) to
/// `{ fg = "#88c0d0", bg = "default", bold = true }`. Roles a file leaves out keep the built-in look.
public enum ThemeFile {
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public static func parse(_ text: String, file: String) throws(Problem) -> Theme {
        let document: TOMLDocument
        do {
            document = try TOMLDocument(parsing: text)
        } catch {
            throw Problem(file: file, line: error.line, message: error.message)
        }
        var theme = Theme.builtIn
        var written: Set<ColorRole> = []
        theme.name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        for table in document.tables where table.name != "styles" {
            throw Problem(file: file, line: table.line, message: "unknown table [\(table.name)]; a theme has only [styles]")
        }
        for entry in document.entries {
            if entry.table.isEmpty {
                guard entry.key == "name", case .string(let name) = entry.value else {
                    throw Problem(
                        file: file, line: entry.line, message: "unknown key '\(entry.key)'; expected name = \"…\" or a [styles] table")
                }
                theme.name = name
                continue
            }
            guard let role = ColorRole(rawValue: entry.key) else {
                throw Problem(
                    file: file, line: entry.line,
                    message: "unknown style '\(entry.key)'; known styles: \(ColorRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard case .table(let members) = entry.value else {
                throw Problem(file: file, line: entry.line, message: "'\(entry.key)' needs { fg = …, bg = …, bold = true }")
            }
            var style = ThemeStyle()
            for (key, value) in members {
                switch (key, value) {
                case ("fg", .string(let text)), ("bg", .string(let text)):
                    guard let color = ThemeColor.parse(text) else {
                        throw Problem(
                            file: file, line: entry.line,
                            message: "'\(text)' is not a colour; use #rrggbb, 0-255, default, or a name like bright-red")
                    }
                    if key == "fg" { style.foreground = color } else { style.background = color }
                case ("fg", .integer(let n)), ("bg", .integer(let n)):
                    guard let color = ThemeColor.parse(String(n)) else {
                        throw Problem(file: file, line: entry.line, message: "colour \(n) is outside 0-255")
                    }
                    if key == "fg" { style.foreground = color } else { style.background = color }
                case ("bold", .bool(let b)): style.bold = b
                case ("dim", .bool(let b)): style.dim = b
                case ("reverse", .bool(let b)): style.reverse = b
                case ("underline", .bool(let b)): style.underline = b
                default:
                    throw Problem(
                        file: file, line: entry.line,
                        message: "'\(key) = …' in '\(entry.key)': expected fg, bg (colours) or bold, dim, reverse, underline (true/false)")
                }
            }
            theme.styles[role] = style
            written.insert(role)
        }
        // Profile colours the file leaves out are the colours they name, unless the file's own
        // styles use no colour at all: a monochrome theme stays monochrome.
        let own = Theme(name: theme.name, styles: theme.styles.filter { written.contains($0.key) && !$0.key.isProfileColour })
        for (role, style) in Theme.profileStyles(coloured: own.usesColour) where !written.contains(role) {
            theme.styles[role] = style
        }
        return theme
    }

    /// Finds a theme by name or path: a path as given, then the user's config folder, then the
    /// `themes/` folder shipped beside the binary or its source checkout.
    public static func load(_ nameOrPath: String, searchFolders: [String]) throws(Problem) -> Theme {
        var candidates: [String] = []
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            candidates.append((nameOrPath as NSString).expandingTildeInPath)
        } else {
            candidates += searchFolders.map { "\($0)/\(nameOrPath).toml" }
        }
        for path in candidates {
            if let data = FileManager.default.contents(atPath: path) {
                return try parse(String(decoding: data, as: UTF8.self), file: path)
            }
        }
        if nameOrPath == "default" || nameOrPath == "builtin" { return .builtIn }
        throw Problem(
            file: nameOrPath, line: 0,
            message:
                "no such theme; looked in \(candidates.joined(separator: ", ")). Available: \(available(searchFolders).joined(separator: ", "))"
        )
    }

    public static func available(_ folders: [String]) -> [String] {
        var names = Set<String>()
        for folder in folders {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where file.hasSuffix(".toml") {
                names.insert(String(file.dropLast(5)))
            }
        }
        return names.sorted()
    }
}
