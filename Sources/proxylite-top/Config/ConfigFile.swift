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
        for table in document.tables where !["intervals", "alerts"].contains(table.name) && !table.name.hasPrefix("keys.") {
            throw ConfigProblem(
                file: file, line: table.line,
                message:
                    "unknown table [\(table.name)]; the tables are [intervals], [alerts] and [keys.<pane>] (such as [keys.accounts])")
        }
        var config = Config()
        var keys: [KeyMap.Choice] = []
        for entry in document.entries {
            func problem(_ message: String) -> ConfigProblem { ConfigProblem(file: file, line: entry.line, message: message) }
            if entry.table.hasPrefix("keys.") {
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
                    throw problem(
                        "\(entry.table).\(entry.key) must be a key in quotes (\"x\") or a list of them, not \(entry.value.typeName)")
                }
                keys.append(KeyMap.Choice(scope: String(entry.table.dropFirst(5)), action: entry.key, keys: names, line: entry.line))
                continue
            }
            func string() throws(ConfigProblem) -> String {
                guard case .string(let s) = entry.value else {
                    throw problem("\(entry.key) must be text in quotes, not \(entry.value.typeName)")
                }
                return s
            }
            if entry.table == "intervals" {
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
                continue
            }
            if entry.table == "alerts" {
                try readAlert(entry, into: &config.alerts, problem: problem)
                continue
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
            case "app_key":
                throw problem("the key itself does not belong in the config file; put it in a file with mode 600 and set app_key_file")
            case "theme": config.theme = try string()
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
                throw problem(
                    "unknown key '\(entry.key)'; expected base_url, path_prefix, provider_timezone, app_key_file, theme, read_only, allow_insecure_http, columns, history, history_max_mb, [intervals] or [alerts]"
                )
            }
        }
        do {
            config.keys = try KeyMap(keys)
        } catch {
            throw ConfigProblem(file: file, line: error.line, message: error.message)
        }
        return config
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
