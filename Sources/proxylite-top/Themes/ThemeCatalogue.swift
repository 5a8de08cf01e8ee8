import Foundation
import ProxyLiteAPI
import TerminalUI

/// One theme the dashboard can find: a file in one of the theme folders (or named by path in the
/// config), or the built-in look.
struct ThemeEntry: Sendable {
    /// What `--theme` and `theme =` take: the file's name without `.toml` (or the path as written).
    var name: String
    /// The file; nil for the built-in theme.
    var path: String?
    /// The folder it was found in, as searched; nil for the built-in theme and a path.
    var folder: String?
    /// The theme, or why its file cannot be used (with the file and the line).
    var theme: Result<Theme, ThemeProblem>
    /// The first comment line of the file, if it starts with one.
    var description: String?
    /// The file of the same name in an earlier folder, which the dashboard takes instead.
    var shadowedBy: String?

    var isUsable: Bool { shadowedBy == nil && (try? theme.get()) != nil }
}

/// Why a theme file cannot be used: where, and what is wrong.
struct ThemeProblem: Error, Sendable, CustomStringConvertible {
    var file: String
    var line: Int
    var message: String
    var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// Every theme the dashboard can find, in the order it looks.
enum ThemeCatalogue {
    /// The built-in theme's entry name (`--theme builtin`).
    static let builtInName = "builtin"

    /// Each `.toml` file of `folders` (in their order, names sorted within a folder), then the
    /// built-in theme. A name found again in a later folder is listed as shadowed.
    static func entries(folders: [String]) -> [ThemeEntry] {
        var entries: [ThemeEntry] = []
        var firstPath: [String: String] = [:]
        var seenFolders = Set<String>()
        for folder in folders {
            let standard = (folder as NSString).standardizingPath
            guard seenFolders.insert(standard).inserted else { continue }
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".toml") }.sorted()
            for file in files {
                let path = (folder as NSString).appendingPathComponent(file)
                var entry = load(path: path, name: String(file.dropLast(5)))
                entry.folder = folder
                if let earlier = firstPath[entry.name] {
                    entry.shadowedBy = earlier
                } else {
                    firstPath[entry.name] = path
                }
                entries.append(entry)
            }
        }
        entries.append(
            ThemeEntry(
                name: builtInName, path: nil, folder: nil, theme: .success(.builtIn),
                description: "The look without any theme file (default-dark is its copy to change).",
                shadowedBy: firstPath[builtInName]))
        return entries
    }

    /// The entry for one file: parsed, with its description; a file that cannot be read is a problem too.
    static func load(path: String, name: String) -> ThemeEntry {
        // Only a regular file of theme size: a FIFO or a link to /dev/zero among the themes must not
        // hang or exhaust the listing.
        guard let size = RegularFile.size(path), size <= 1 << 20 else {
            return ThemeEntry(
                name: name, path: path,
                theme: .failure(ThemeProblem(file: path, line: 0, message: "not a regular file of at most 1 MB")))
        }
        guard size >= 0, let data = FileManager.default.contents(atPath: path) else {
            return ThemeEntry(
                name: name, path: path, theme: .failure(ThemeProblem(file: path, line: 0, message: "cannot read this file")))
        }
        let text = String(decoding: data, as: UTF8.self)
        let theme: Result<Theme, ThemeProblem>
        do throws(ThemeFile.Problem) {
            theme = .success(try ThemeFile.parse(text, file: path))
        } catch {
            theme = .failure(ThemeProblem(file: error.file, line: error.line, message: error.message))
        }
        return ThemeEntry(name: name, path: path, theme: theme, description: description(text))
    }

    /// The file's opening comment, first line: `# Dracula (draculatheme.com): …` → `Dracula (…): …`.
    static func description(_ text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(20) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard trimmed.hasPrefix("#") else { return nil }
            let comment = trimmed.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            if comment.isEmpty { continue }
            return SafeText.escapingControls(comment)
        }
        return nil
    }

    /// Whether `--theme`/`theme =` names a file rather than a theme (as `ThemeFile.load` decides).
    static func isPath(_ nameOrPath: String) -> Bool { nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") }
}
