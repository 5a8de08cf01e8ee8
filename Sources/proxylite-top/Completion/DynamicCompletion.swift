import Foundation
import TerminalUI

/// The candidates the shells' completion scripts ask for while a command line is being typed:
/// profile names from the config and theme names from the theme folders.
///
/// The generated scripts run `proxylite-top ---completion <subcommands> -- <option> <index>
/// <cursor> <words…>`; argument-parser hands the words of the line, the index of the word being
/// completed and its text up to the cursor to these functions, prints what they return and exits 0.
/// They never throw and never write: a config that cannot be read, or has an error, gives no
/// candidates, so that pressing Tab never prints an error into the middle of the prompt.
enum DynamicCompletion {
    /// `--profile`: the profiles of the config named by `--config` on the line, else the default config.
    static func profiles(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        profiles(words: words, index: index, prefix: prefix, environment: ProcessInfo.processInfo.environment)
    }

    static func profiles(words: [String], index: Int, prefix: String, environment: [String: String]) -> [String] {
        // Tab must never hang: a config named on the line that is not a regular file (/dev/stdin, a
        // FIFO) gives no candidates rather than being read.
        let path = configPath(words: words, index: index)
        if let path, RegularFile.size((path as NSString).expandingTildeInPath) == nil { return [] }
        guard let config = try? ConfigFile.load(explicit: path, environment: environment) else { return [] }
        return matching(config.watched.map(\.name), prefix: prefix)
    }

    /// `--theme`: the theme files in the folders the dashboard searches, `.toml` stripped.
    static func themes(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        matching(ThemeFile.available(DashboardCommand.themeFolders), prefix: prefix)
    }

    /// The value of `--config` on the line (`--config PATH`, `--config=PATH`, or bash's split
    /// `--config = PATH`), unquoted; never the word being completed.
    static func configPath(words: [String], index: Int) -> String? {
        var found: String?
        var position = 0
        while position < words.count {
            defer { position += 1 }
            let word = words[position]
            if word.hasPrefix("--config=") {
                if position != index { found = String(word.dropFirst("--config=".count)) }
                continue
            }
            guard word == "--config" else { continue }
            var valueAt = position + 1
            if valueAt < words.count, words[valueAt] == "=" { valueAt += 1 }
            guard valueAt < words.count, valueAt != index else { continue }
            found = words[valueAt]
            position = valueAt
        }
        return found.map(unquoted).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A word as the shell would pass it: quotes removed, backslash escapes applied (bash hands
    /// the completion the words as typed). `~` is expanded later, by `ConfigFile.load`.
    static func unquoted(_ word: String) -> String {
        var result = ""
        var quote: Character?
        var characters = word.makeIterator()
        while let character = characters.next() {
            switch (quote, character) {
            case ("'", "'"), ("\"", "\""): quote = nil
            case ("'", _): result.append(character)
            case ("\"", "\\"):
                // Inside double quotes a backslash escapes only $ ` " \ and keeps itself otherwise.
                guard let next = characters.next() else { return result + "\\" }
                if !"$`\"\\".contains(next) { result.append("\\") }
                result.append(next)
            case ("\"", _): result.append(character)
            case (nil, "\\"): if let next = characters.next() { result.append(next) }
            case (nil, "'"), (nil, "\""): quote = character
            default: result.append(character)
            }
        }
        return result
    }

    /// Those that start with what has been typed, in order, without repeats.
    static func matching(_ names: [String], prefix: String) -> [String] {
        var seen = Set<String>()
        return names.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
    }
}
