import Foundation
import TestSupport
import Testing

/// Config files, one bad file per mistake, each message checked for file, line and remedy.
@Suite struct ConfigTests {
    func withConfig(_ text: String, _ arguments: [String] = ["snapshot", "--demo", "--pane", "accounts"]) async throws -> RunResult {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString).toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try await runBinary(arguments + ["--config", file.path])
    }

    @Test(arguments: [
        ("base_url = \"https://api.example.com\"\nfoo = 1\n", 2, "unknown key 'foo'"),
        ("[intervals]\naccounts = 5\n", 2, "the shortest allowed is 10 seconds"),
        ("[intervals]\norders = \"2m\"\n", 2, "whole number of seconds"),
        ("[intervals]\nbalance = 60\n", 2, "unknown interval 'balance'"),
        ("[colors]\n", 1, "unknown table [colors]"),
        ("read_only = \"yes\"\n", 1, "read_only must be true or false"),
        ("provider_timezone = \"Asia/Shanghai\"\n", 1, "offset such as \"+08:00\""),
        ("base_url = \"api.proxylite.com\"\n", 1, "http(s) URL"),
        ("columns = [\"username\", \"speed\"]\n", 1, "unknown column \"speed\""),
        ("app_key = \"abc\"\n", 1, "does not belong in the config file"),
        ("theme = nord\n", 1, "text needs quotes"),
        ("theme = \"nord\"\ntheme = \"light\"\n", 2, "set twice"),
        ("[keys.accounts]\ndisable = \"D\"\n", 2, "key D is bound to both accounts.disable and accounts.delete"),
        ("[keys.accounts]\ndisable = \"q\"\n", 2, "key q is bound to both global.quit and accounts.disable"),
        ("[keys.global]\nhelp = \"h\"\n[keys.flow]\ndays = [\"h\", \"l\"]\n", 4, "key h is bound to both global.help and flow.days"),
        ("[keys.accounts]\nzap = \"z\"\n", 2, "unknown action 'zap' in [keys.accounts]; expected filter, clear-filter"),
        ("[keys.accounts]\nmark = \"m\"\n", 2, "accounts.mark takes 3 keys, one each for: mark, mark all shown, clear marks"),
        ("[keys.accounts]\ndisable = \"Hyper-X\"\n", 2, "'Hyper-X' is not a key"),
        ("[keys.accounts]\ndisable = 4\n", 2, "must be a key in quotes"),
        ("[keys.colors]\nx = \"y\"\n", 2, "unknown table [keys.colors]; expected one of keys.global, keys.accounts"),
    ])
    func badConfigSaysWhereAndWhat(text: String, line: Int, message: String) async throws {
        let result = try await withConfig(text)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".toml:\(line): "), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func goodConfigIsAccepted() async throws {
        let result = try await withConfig(
            """
            # comments are fine
            base_url = "https://api.proxylite.com"   # trailing too
            path_prefix = "/end-point"
            provider_timezone = "+08:00"
            theme = "nord"
            read_only = true
            columns = ["username", "usage", "percent"]
            [intervals]
            accounts = 45
            [keys.global]
            quit = "Q"
            [keys.accounts]
            disable = ["x", "^X"]   # q is free now that quit is Q
            enable = "q"
            mark = ["m", "M", "U"]
            """)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func missingExplicitConfigIsAnError() async throws {
        let result = try await runBinary(["snapshot", "--demo", "--config", "/nonexistent/config.toml"])
        #expect(result.status == 2 && result.stderr.contains("cannot read"))
    }

    @Test func helpNamesTheCommandsAndNeverTakesAKey() async throws {
        let help = try await runBinary(["--help"])
        #expect(help.status == 0)
        for word in ["snapshot", "simulate", "dashboard", "PROXYLITE_APP_KEY"] { #expect(help.stdout.contains(word)) }
        let dashboardHelp = try await runBinary(["dashboard", "--help"])
        #expect(dashboardHelp.stdout.contains("--app-key-file") && !dashboardHelp.stdout.contains("--app-key "))
        #expect(dashboardHelp.stdout.contains("--read-only") && dashboardHelp.stdout.contains("--theme"))
    }

    @Test func dashboardRefusesAPipe() async throws {
        let result = try await runBinary(["--demo"])
        #expect(result.status == 2 && result.stderr.contains("needs a terminal"))
    }

    @Test func dashboardReportsABadThemeBeforeTakingTheTerminal() async throws {
        let result = try await runBinary(["--demo", "--theme", "no-such-theme"])
        #expect(result.status == 2 && result.stderr.contains("no such theme"))
    }
}
