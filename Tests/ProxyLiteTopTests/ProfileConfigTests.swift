import Foundation
import Monitor
import Testing

@testable import proxylite_top

/// `[profiles.<name>]` in the config: what each profile inherits, what it may set, and every
/// mistake named with its line.
@Suite struct ProfileConfigTests {
    func parse(_ text: String) throws -> Config { try ConfigFile.parse(text, file: "config.toml") }

    func problem(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test func withoutProfilesTheTopLevelIsTheProfileDefault() throws {
        let config = try parse("base_url = \"https://api.example.com\"\n")
        #expect(config.watched.map(\.name) == ["default"])
        #expect(config.watched[0].baseURL?.host == "api.example.com")
    }

    @Test func profilesInheritTheTopLevelAndOverrideWhatTheySet() throws {
        let config = try parse(
            """
            base_url = "https://api.proxylite.com"
            read_only = false
            app_key_file = "~/shared.key"
            history_max_mb = 300
            [intervals]
            accounts = 45
            orders = 600
            [alerts]
            usage_percent = 90
            api_down_minutes = 10

            [profiles.main]
            read_only = true
            color = "cyan"

            [profiles.reseller]
            base_url = "https://api.example-brand.com"
            path_prefix = "/gateway"
            app_key_env = "RESELLER_APP_KEY"
            [profiles.reseller.intervals]
            accounts = 120
            [profiles.reseller.alerts]
            usage_percent = 80
            """)
        #expect(config.watched.map(\.name) == ["main", "reseller"])
        let main = config.profiles[0]
        let reseller = config.profiles[1]
        #expect(main.readOnly && !reseller.readOnly)
        #expect(main.colour == "cyan" && reseller.colour == nil)
        #expect(main.baseURL?.host == "api.proxylite.com" && reseller.baseURL?.host == "api.example-brand.com")
        #expect(main.pathPrefix == nil && reseller.pathPrefix == "/gateway")
        // A profile's own key source replaces the inherited one.
        #expect(main.appKeyFile == "~/shared.key" && main.appKeyEnv == nil)
        #expect(reseller.appKeyFile == nil && reseller.appKeyEnv == "RESELLER_APP_KEY")
        // Tables merge key by key.
        #expect(main.intervals[.accounts] == .seconds(45) && reseller.intervals[.accounts] == .seconds(120))
        #expect(reseller.intervals[.orders] == .seconds(600))
        #expect(main.alerts.thresholds[.usagePercent] == 90 && reseller.alerts.thresholds[.usagePercent] == 80)
        #expect(reseller.alerts.thresholds[.apiDown] == 10)
        #expect(main.historyMaxMB == 300 && reseller.historyMaxMB == 300)
    }

    @Test func aProfileWithOnlyItsTableIsWatched() throws {
        let config = try parse("[profiles.a]\n[profiles.b]\nhistory = false\n")
        #expect(config.watched.map(\.name) == ["a", "b"])
        #expect(config.profiles[0].history && !config.profiles[1].history)
    }

    @Test(arguments: [
        ("[profiles]\n", "config.toml:1: name the profile: [profiles.NAME]"),
        ("[intervals.accounts]\nread_only = true\n", "config.toml:1: unknown table [intervals.accounts]"),
        ("[alerts.x]\n", "config.toml:1: unknown table [alerts.x]"),
        ("[profiles.\"my profile\"]\n", "config.toml:1: profile name \"my profile\" is not allowed"),
        ("[profiles.main.colors]\n", "config.toml:1: unknown table [profiles.main.colors]; a profile has"),
        ("[profiles.main.keys]\n", "config.toml:1: keys apply to the whole screen"),
        ("[profiles.main]\ntheme = \"nord\"\n", "config.toml:2: theme applies to the whole screen"),
        ("[profiles.main]\ncolumns = [\"username\"]\n", "config.toml:2: columns applies to the whole screen"),
        ("[profiles.main]\nspeed = 1\n", "config.toml:2: unknown key 'speed' in [profiles.main]; a profile may set"),
        ("[profiles.main]\ncolor = \"chartreuse\"\n", "config.toml:2: color must be a colour such as"),
        ("[profiles.main]\napp_key_env = \"1BAD\"\n", "config.toml:2: app_key_env must name an environment variable"),
        ("[profiles.main]\napp_key = \"abc\"\n", "config.toml:2: the key itself does not belong"),
        (
            "[profiles.main]\napp_key_file = \"~/k\"\napp_key_env = \"K\"\n",
            "config.toml:2: [profiles.main] sets both app_key_file and app_key_env"
        ),
        ("[profiles.main.intervals]\naccounts = 1\n", "config.toml:2: intervals.accounts = 1 is too often"),
        ("[profiles.main.alerts]\nusage_percent = -1\n", "config.toml:2: alerts.usage_percent must be a positive number"),
    ])
    func mistakesSayWhereAndWhat(text: String, message: String) {
        let found = problem(text)
        #expect(found?.hasPrefix(message) == true, "\(found ?? "accepted")")
    }

    @Test func theExampleHasTwoProfiles() throws {
        let config = try parse(Config.example)
        #expect(config.watched.map(\.name) == ["main", "reseller"])
        #expect(config.profiles[1].alerts.thresholds[.usagePercent] == 80)
        #expect(config.profiles[0].alerts.thresholds[.spike] == 5)
    }
}
