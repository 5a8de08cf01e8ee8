import Foundation
import Monitor
import TOMLReading
import TerminalUI

/// Finds, reads and checks `config.toml`; every problem names the file and the line.
enum ConfigFile {
    /// `$XDG_CONFIG_HOME/proxylite-top`, else `~/.config/proxylite-top`.
    static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return base + "/proxylite-top"
    }

    /// Reads `explicit` (which must exist), or the default file if there is one.
    static func load(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws(ConfigProblem) -> Config
    {
        let path = explicit.map { ($0 as NSString).expandingTildeInPath } ?? folder(environment: environment) + "/config.toml"
        // Read through a file handle, so that /dev/null works as an empty config.
        guard let handle = FileHandle(forReadingAtPath: path), let data = try? handle.readToEnd() ?? Data() else {
            if explicit != nil { throw ConfigProblem(file: path, line: 0, message: "cannot read this file") }
            return Config()
        }
        var config = try parse(String(decoding: data, as: UTF8.self), file: path)
        config.path = path
        return config
    }

    static func parse(_ text: String, file: String) throws(ConfigProblem) -> Config {
        let document: TOMLDocument
        do {
            document = try TOMLDocument(parsing: text)
        } catch {
            throw ConfigProblem(file: file, line: error.line, message: error.message)
        }
        // Profiles in the order their tables appear; a profile's entries apply over the top level's.
        var profileNames: [String] = []
        for table in document.tables {
            let parts = table.name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let problem = { (message: String) in ConfigProblem(file: file, line: table.line, message: message) }
            switch parts.first {
            case "intervals" where parts.count == 1, "alerts" where parts.count == 1:
                continue
            case "keys" where parts.count == 2: continue
            case "profiles":
                guard parts.count >= 2 else { throw problem("name the profile: [profiles.NAME], such as [profiles.main]") }
                let name = parts[1]
                guard ProfileName.isValid(name) else { throw problem(ProfileName.rule(name)) }
                if parts.count == 3, parts[2] == "keys" || parts[2].hasPrefix("keys") {
                    throw problem("keys apply to the whole screen; set them in [keys.<pane>] at the top level, not in [profiles.\(name)]")
                }
                guard parts.count == 2 || (parts.count == 3 && ["intervals", "alerts"].contains(parts[2])) else {
                    throw problem(
                        "unknown table [\(table.name)]; a profile has [profiles.\(name)], [profiles.\(name).intervals] and [profiles.\(name).alerts]"
                    )
                }
                if !profileNames.contains(name) { profileNames.append(name) }
            default:
                throw problem(
                    "unknown table [\(table.name)]; the tables are [intervals], [alerts], [keys.<pane>] (such as [keys.accounts]) and [profiles.<name>]"
                )
            }
        }
        var config = Config()
        var keys: [KeyMap.Choice] = []
        var profileEntries: [String: [(table: String, entry: TOMLDocument.Entry)]] = [:]
        for entry in document.entries {
            if entry.table.hasPrefix("profiles.") {
                let parts = entry.table.split(separator: ".", maxSplits: 2).map(String.init)
                profileEntries[parts[1], default: []].append((parts.count == 3 ? parts[2] : "", entry))
                continue
            }
            if entry.table.hasPrefix("keys.") {
                keys.append(try keyChoice(entry, file: file))
                continue
            }
            try apply(entry, table: entry.table, to: &config, profile: nil, file: file)
        }
        do {
            config.keys = try KeyMap(keys)
        } catch {
            throw ConfigProblem(file: file, line: error.line, message: error.message)
        }
        try checkKeySource(config, line: document.entries.first { $0.table.isEmpty && $0.key.hasPrefix("app_key") }?.line ?? 0, file: file)
        for name in profileNames {
            var profile = config
            profile.profiles = []
            profile.name = name
            var keySource: (file: Bool, env: Bool) = (false, false)
            for (table, entry) in profileEntries[name] ?? [] {
                try apply(entry, table: table, to: &profile, profile: name, file: file)
                // A profile's own key source replaces the one it inherits.
                if table.isEmpty, entry.key == "app_key_file" {
                    keySource.file = true
                    if !keySource.env { profile.appKeyEnv = nil }
                }
                if table.isEmpty, entry.key == "app_key_env" {
                    keySource.env = true
                    if !keySource.file { profile.appKeyFile = nil }
                }
            }
            let line = profileEntries[name]?.first { $0.table.isEmpty && $0.entry.key.hasPrefix("app_key") }?.entry.line
            try checkKeySource(profile, line: line ?? document.tables.first { $0.name == "profiles.\(name)" }?.line ?? 0, file: file)
            config.profiles.append(profile)
        }
        return config
    }

    /// A key file and a key variable in one place would leave it unclear which key is meant.
    private static func checkKeySource(_ config: Config, line: Int, file: String) throws(ConfigProblem) {
        guard config.appKeyFile != nil, let variable = config.appKeyEnv else { return }
        let place = config.name == Config.defaultProfile && config.profiles.isEmpty ? "the top level" : "[profiles.\(config.name)]"
        throw ConfigProblem(
            file: file, line: line,
            message: "\(place) sets both app_key_file and app_key_env (\(variable)); keep the one that holds this account's key")
    }

    /// One entry of `[keys.<pane>]`.
    private static func keyChoice(_ entry: TOMLDocument.Entry, file: String) throws(ConfigProblem) -> KeyMap.Choice {
        func problem(_ message: String) -> ConfigProblem { ConfigProblem(file: file, line: entry.line, message: message) }
        let names: [String]
        switch entry.value {
        case .string(let name): names = [name]
        case .array(let items):
            names = try items.map { item throws(ConfigProblem) -> String in
                guard case .string(let name) = item else {
                    throw problem("\(entry.table).\(entry.key) lists keys as text in quotes, not \(item.typeName)")
                }
                return name
            }
        default:
            throw problem("\(entry.table).\(entry.key) must be a key in quotes (\"x\") or a list of them, not \(entry.value.typeName)")
        }
        return KeyMap.Choice(scope: String(entry.table.dropFirst(5)), action: entry.key, keys: names, line: entry.line)
    }

    /// The keys a profile may set, for messages.
    static let profileKeys =
        "base_url, path_prefix, provider_timezone, app_key_file, app_key_env, read_only, allow_insecure_http, color, history, history_max_mb, [intervals] or [alerts]"

    /// Applies one entry of the top level (`profile` nil) or of a profile (`table` is then the part
    /// after `profiles.<name>`: "", "intervals" or "alerts").
    private static func apply(
        _ entry: TOMLDocument.Entry, table: String, to config: inout Config, profile: String?, file: String
    ) throws(ConfigProblem) {
        func problem(_ message: String) -> ConfigProblem { ConfigProblem(file: file, line: entry.line, message: message) }
        func string() throws(ConfigProblem) -> String {
            guard case .string(let s) = entry.value else {
                throw problem("\(entry.key) must be text in quotes, not \(entry.value.typeName)")
            }
            return s
        }
        if table == "intervals" {
            guard let resource = Resource.allCases.first(where: { $0.configKey == entry.key }) else {
                throw problem(
                    "unknown interval '\(entry.key)'; expected one of \(Resource.allCases.map(\.configKey).joined(separator: ", "))")
            }
            guard case .integer(let seconds) = entry.value else {
                throw problem("intervals.\(entry.key) must be a whole number of seconds, not \(entry.value.typeName)")
            }
            let floor = Int(PollPolicy.floors[resource]!.components.seconds)  // every resource has a floor
            guard seconds >= floor else {
                throw problem("intervals.\(entry.key) = \(seconds) is too often; the shortest allowed is \(floor) seconds")
            }
            guard seconds <= 86_400 else { throw problem("intervals.\(entry.key) = \(seconds) is longer than a day") }
            config.intervals[resource] = .seconds(seconds)
            return
        }
        if table == "alerts" {
            try readAlert(entry, into: &config.alerts, problem: problem)
            return
        }
        if let profile, ["theme", "columns", "lang"].contains(entry.key) {
            throw problem("\(entry.key) applies to the whole screen; set it at the top level, not in [profiles.\(profile)]")
        }
        switch entry.key {
        case "base_url":
            let text = try string()
            guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw problem("base_url must be an http(s) URL such as \"https://api.proxylite.com\", not \"\(text)\"")
            }
            config.baseURL = url
        case "path_prefix": config.pathPrefix = try string()
        case "provider_timezone":
            let text = try string()
            guard let offset = TimeZoneOffset.parse(text) else {
                throw problem("provider_timezone must be an offset such as \"+08:00\", not \"\(text)\"")
            }
            config.providerOffset = offset
        case "app_key_file": config.appKeyFile = try string()
        case "app_key_env":
            let name = try string()
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }), !name.first!.isNumber
            else {
                throw problem("app_key_env must name an environment variable, such as \"RESELLER_APP_KEY\", not \"\(name)\"")
            }
            config.appKeyEnv = name
        case "app_key":
            throw problem("the key itself does not belong in the config file; put it in a file with mode 600 and set app_key_file")
        case "color", "colour":
            let text = try string()
            guard ThemeColor.parse(text) != nil else {
                throw problem(
                    "\(entry.key) must be a colour such as \"magenta\", \"bright-green\", \"#d08770\" or a palette index 0…255, not \"\(text)\""
                )
            }
            config.colour = text
        case "theme": config.theme = try string()
        case "lang":
            let text = try string()
            guard let language = Language.parse(text) else {
                throw problem("lang must be one of \(Language.choices), not \"\(text)\"")
            }
            config.language = language
        case "read_only":
            guard case .bool(let b) = entry.value else { throw problem("read_only must be true or false, not \(entry.value.typeName)") }
            config.readOnly = b
        case "allow_insecure_http":
            guard case .bool(let b) = entry.value else {
                throw problem("allow_insecure_http must be true or false, not \(entry.value.typeName)")
            }
            config.allowInsecureHTTP = b
        case "columns":
            guard case .array(let items) = entry.value, !items.isEmpty else {
                throw problem("columns must be a list such as [\"username\", \"usage\"]")
            }
            var columns: [AccountColumn] = []
            for item in items {
                guard case .string(let name) = item, let column = AccountColumn.allCases.first(where: { $0.configName == name })
                else {
                    let shown: String
                    if case .string(let text) = item { shown = "\"\(text)\"" } else { shown = item.typeName }
                    throw problem(
                        "unknown column \(shown); expected \(AccountColumn.allCases.map(\.configName).joined(separator: ", "))")
                }
                guard !columns.contains(column) else { throw problem("column \"\(name)\" is listed twice") }
                columns.append(column)
            }
            config.columns = columns
        case "history":
            guard case .bool(let b) = entry.value else { throw problem("history must be true or false, not \(entry.value.typeName)") }
            config.history = b
        case "history_max_mb":
            guard case .integer(let mb) = entry.value, mb > 0, mb <= 1_000_000 else {
                throw problem("history_max_mb must be a whole number of megabytes from 1 to 1000000, such as 500")
            }
            config.historyMaxMB = mb
        default:
            if let profile {
                throw problem("unknown key '\(entry.key)' in [profiles.\(profile)]; a profile may set \(profileKeys)")
            }
            throw problem(
                "unknown key '\(entry.key)'; expected base_url, path_prefix, provider_timezone, app_key_file, app_key_env, theme, lang, read_only, allow_insecure_http, color, columns, history, history_max_mb, [intervals], [alerts] or [profiles.<name>]"
            )
        }
    }

    /// One key of `[alerts]`: a threshold (a positive number), bell, desktop or exec.
    private static func readAlert(
        _ entry: TOMLDocument.Entry, into rules: inout AlertRules, problem: (String) -> ConfigProblem
    ) throws(ConfigProblem) {
        if let kind = AlertKind(rawValue: entry.key) {
            let number: Double
            switch entry.value {
            case .integer(let i): number = Double(i)
            case .float(let d): number = d
            default: throw problem("alerts.\(entry.key) must be a positive number, not \(entry.value.typeName)")
            }
            guard number.isFinite, number > 0 else {
                throw problem("alerts.\(entry.key) must be a positive number, such as \(example(kind)), not \(entry.value.shown)")
            }
            rules.thresholds[kind] = number
            return
        }
        switch entry.key {
        case "bell", "desktop":
            guard case .bool(let b) = entry.value else {
                throw problem("alerts.\(entry.key) must be true or false, not \(entry.value.typeName)")
            }
            if entry.key == "bell" { rules.bell = b } else { rules.desktop = b }
        case "exec":
            let argv: [String]
            switch entry.value {
            case .string(let program): argv = [program]
            case .array(let items):
                argv = try items.map { item throws(ConfigProblem) -> String in
                    guard case .string(let text) = item else {
                        throw problem("alerts.exec lists the program and its arguments as text in quotes, not \(item.typeName)")
                    }
                    return text
                }
            default:
                throw problem(
                    "alerts.exec must be a program in quotes (\"~/bin/page-me\") or a list of it and its arguments, not \(entry.value.typeName)"
                )
            }
            guard let program = argv.first, !program.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw problem("alerts.exec names no program; give its path, such as \"~/bin/page-me\"")
            }
            rules.exec = argv
        default:
            throw problem(
                "unknown alert key '\(entry.key)'; expected \(AlertKind.allCases.map(\.rawValue).joined(separator: ", ")), bell, desktop or exec"
            )
        }
    }

    private static func example(_ kind: AlertKind) -> String {
        switch kind {
        case .usagePercent: "90"
        case .hoursToLimit: "24"
        case .staticIPDays: "3"
        case .packageDays: "7"
        case .trafficLeft: "100"
        case .apiDown: "10"
        case .spike: "5"
        }
    }
}

extension TOMLDocument.Value {
    /// A number as written, else its type: for messages.
    fileprivate var shown: String {
        switch self {
        case .integer(let i): String(i)
        case .float(let d): String(d)
        default: typeName
        }
    }
}
