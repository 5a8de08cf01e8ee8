import Foundation
import Monitor
import TerminalUI

/// What `config.toml` can set. Command-line options win over it.
struct Config: Sendable {
    var baseURL: URL?
    var pathPrefix: String?
    var providerOffset: Int?
    var appKeyFile: String?
    var theme: String?
    var readOnly = false
    /// Allows a plain-http base URL that is not loopback (the key would cross the network readable).
    var allowInsecureHTTP = false
    var intervals: [Resource: Duration] = [:]
    var columns: [AccountColumn]?
    /// The keys the user chose (`[keys.<pane>]`), over the built-in ones.
    var keys = KeyMap()
    /// Where it was read from, for messages; nil when there was no file.
    var path: String?

    static let example = """
        # ~/.config/proxylite-top/config.toml
        base_url = "https://api.proxylite.com"
        path_prefix = "/end-point"
        provider_timezone = "+08:00"
        app_key_file = "~/.config/proxylite-top/app_key"   # chmod 600
        theme = "nord"
        read_only = false
        columns = ["username", "status", "type", "usage", "limit", "percent", "rate", "to_limit", "remark", "created"]

        [intervals]   # seconds
        accounts = 30
        summary = 60
        flow = 300
        static_ips = 300
        orders = 120

        [keys.accounts]   # any action of any pane; `?` in the dashboard lists them
        disable = "x"
        mark = ["m", "M", "U"]   # mark, mark all shown, clear marks
        """
}

/// A mistake in the config file, with where it is and what would be right.
struct ConfigProblem: Error, CustomStringConvertible {
    let file: String
    let line: Int
    let message: String
    var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
