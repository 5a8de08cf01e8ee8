import Foundation
import Monitor
import TerminalUI

/// What `config.toml` can set. Command-line options win over it.
/// The top level holds the defaults and, in `profiles`, every `[profiles.<name>]` with those
/// defaults applied under it; `watched` is what the commands run.
struct Config: Sendable {
    /// The profile's name: `default` for the top level.
    var name = Config.defaultProfile
    var baseURL: URL?
    var pathPrefix: String?
    var providerOffset: Int?
    var appKeyFile: String?
    /// The environment variable that holds this profile's key (instead of PROXYLITE_APP_KEY).
    var appKeyEnv: String?
    /// The header's colour for this profile (a theme colour).
    var colour: String?
    var theme: String?
    /// The interface's language (`lang`); nil: `--lang`, else the locale, decides.
    var language: Language?
    var readOnly = false
    /// Allows a plain-http base URL that is not loopback (the key would cross the network readable).
    var allowInsecureHTTP = false
    var intervals: [Resource: Duration] = [:]
    var columns: [AccountColumn]?
    /// The keys the user chose (`[keys.<pane>]`), over the built-in ones.
    var keys = KeyMap()
    /// What `[alerts]` watches and where alerts go; empty when the table is absent.
    var alerts = AlertRules()
    /// Keep the local history (`history = false` or `--no-history` turns it off).
    var history = true
    /// The history database's size cap, in MB.
    var historyMaxMB = 500
    /// Where it was read from, for messages; nil when there was no file.
    var path: String?
    /// Every `[profiles.<name>]`, in the file's order, the top level's settings under each.
    var profiles: [Config] = []

    static let defaultProfile = "default"

    /// The profiles to watch: those the file names, else the top level as `default`.
    var watched: [Config] { profiles.isEmpty ? [self] : profiles }

    static let example = """
        # ~/.config/proxylite-top/config.toml
        base_url = "https://api.proxylite.com"
        path_prefix = "/end-point"
        provider_timezone = "+08:00"
        app_key_file = "~/.config/proxylite-top/app_key"   # chmod 600
        theme = "nord"
        lang = "zh-CN"          # or "en"; otherwise the locale (LC_ALL, LC_MESSAGES, LANG) decides
        read_only = false
        columns = ["username", "status", "type", "usage", "limit", "percent", "rate", "to_limit", "remark", "created"]
        history = true          # keep local history under $XDG_STATE_HOME/proxylite-top
        history_max_mb = 500    # its size cap

        [intervals]   # seconds
        accounts = 30
        summary = 60
        flow = 300
        static_ips = 300
        orders = 120

        [alerts]                # only the kinds that are set are watched
        usage_percent = 90      # a sub-account at or above this share of its limit
        hours_to_limit = 24     # a sub-account projected to reach its limit within this
        static_ip_days = 3      # a static IP expiring within this
        package_days = 7        # a package expiring within this
        traffic_left_gb = 100   # account-wide traffic left below this
        api_down_minutes = 10   # no successful poll for this long
        spike_factor = 5        # rate this many times its own norm
        bell = false            # ring the terminal bell
        desktop = false         # OSC 9 / OSC 777 notification, where the terminal supports it
        exec = "~/bin/page-me"  # a program (or an argv array such as ["notify", "--urgent"]), run without a shell

        [keys.accounts]   # any action of any pane; `?` in the dashboard lists them
        disable = "x"
        mark = ["m", "M", "U"]   # mark, mark all shown, clear marks

        # Several accounts, or sibling brands of the platform: each profile inherits the settings
        # above and may set its own connection, key, read_only, intervals, alerts and history.
        [profiles.main]
        app_key_file = "~/.config/proxylite-top/main.key"
        read_only = true
        color = "cyan"

        [profiles.reseller]
        base_url = "https://api.example-brand.com"
        path_prefix = "/gateway"
        app_key_env = "RESELLER_APP_KEY"
        color = "magenta"

        [profiles.reseller.alerts]
        usage_percent = 80
        """
}

/// A mistake in the config file, with where it is and what would be right.
struct ConfigProblem: Error, CustomStringConvertible {
    let file: String
    let line: Int
    let message: String
    var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
