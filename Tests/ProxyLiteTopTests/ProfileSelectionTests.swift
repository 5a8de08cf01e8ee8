import Foundation
import ProxyLiteSimulator
import TestSupport
import Testing

/// Two profiles on two simulators with different keys, through the real binary: `--profile`
/// chooses, and whatever would be ambiguous among several profiles exits 2 and names them.
@Suite struct ProfileSelectionTests {
    static let keyA = "pa1Q2mX7vL4pR8sW1zY6nB3cD5fG0hJA"
    static let keyB = "pb2Q2mX7vL4pR8sW1zY6nB3cD5fG0hJB"

    /// Two simulators (7 and 11 accounts), a config naming both (a by key file, b by variable),
    /// and a folder for the files.
    func withTwoProfiles(
        extra: String = "", _ body: (_ config: String, _ folder: String, _ a: Simulator, _ b: Simulator) async throws -> Void
    ) async throws {
        var worldA = SimulatorConfiguration(seed: 31, accounts: 7)
        worldA.appKey = Self.keyA
        var worldB = SimulatorConfiguration(seed: 32, accounts: 11)
        worldB.appKey = Self.keyB
        let two = try await TwoAccounts.start(worldA, worldB, folderPrefix: "profiles")
        let (a, b, folder, keyFile) = (two.a, two.b, two.folder, two.keyFile)
        let config = folder + "/config.toml"
        try """
        \(extra)
        [profiles.a]
        base_url = "\(a.baseURL.absoluteString)"
        app_key_file = "\(keyFile)"

        [profiles.b]
        base_url = "\(b.baseURL.absoluteString)"
        app_key_env = "B_APP_KEY"
        """.write(toFile: config, atomically: true, encoding: .utf8)
        do {
            try await body(config, folder, a, b)
        } catch {
            await two.stop()
            throw error
        }
        await two.stop()
    }

    func rows(_ csv: String) -> Int { csv.split(whereSeparator: \.isNewline).count - 1 }

    @Test func eachProfileReadsItsOwnAccount() async throws {
        try await withTwoProfiles { config, _, _, _ in
            let a = try await runBinary(["snapshot", "--config", config, "--profile", "a", "--pane", "accounts", "--format", "csv"])
            #expect(a.status == 0, "\(a.stderr)")
            #expect(rows(a.stdout) == 7, "\(a.stdout)")
            let b = try await runBinary(
                ["snapshot", "--config", config, "--profile", "b", "--pane", "accounts", "--format", "csv"],
                environment: ["B_APP_KEY": Self.keyB])
            #expect(b.status == 0, "\(b.stderr)")
            #expect(rows(b.stdout) == 11)
            #expect(!(a.stdout + a.stderr + b.stdout + b.stderr).contains(Self.keyA))
            #expect(!(a.stdout + a.stderr + b.stdout + b.stderr).contains(Self.keyB))
        }
    }

    @Test func commandsAboutOneAccountNeedAProfile() async throws {
        try await withTwoProfiles { config, folder, _, _ in
            for arguments in [
                ["snapshot", "--pane", "accounts"], ["history", "--history-folder", folder], ["alert", "test"],
            ] {
                let result = try await runBinary(arguments + ["--config", config])
                #expect(result.status == 2, "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains("choose it with --profile NAME (the profiles are a, b)"), "\(result.stderr)")
            }
        }
    }

    @Test func anUnknownProfileIsNamedWithTheRealOnes() async throws {
        try await withTwoProfiles { config, _, _, _ in
            let result = try await runBinary(["snapshot", "--config", config, "--profile", "c"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("unknown profile 'c'; the profiles are a, b"), "\(result.stderr)")
        }
    }

    @Test func overridesForOneProfileNeedItNamed() async throws {
        try await withTwoProfiles { config, folder, a, _ in
            for (option, value) in [("--base-url", a.baseURL.absoluteString), ("--app-key-file", folder + "/a.key")] {
                let result = try await runBinary(["dashboard", "--config", config, option, value])
                #expect(result.status == 2, "\(option): \(result.stderr)")
                #expect(result.stderr.contains("\(option) is for one profile; say which with --profile NAME"), "\(result.stderr)")
            }
            // With the profile named, the override applies to it (and snapshot runs).
            let chosen = try await runBinary([
                "snapshot", "--config", config, "--profile", "a", "--app-key-file", folder + "/a.key", "--pane", "accounts",
                "--format", "csv",
            ])
            #expect(chosen.status == 0, "\(chosen.stderr)")
        }
    }

    @Test func theKeyVariableNeedsAProfileWhenSeveralAreWatched() async throws {
        try await withTwoProfiles(extra: "") { config, _, a, _ in
            // Even with every profile's key named elsewhere: one key cannot be two accounts'.
            let both = try await runBinary(["dashboard", "--config", config], environment: ["PROXYLITE_APP_KEY": Self.keyA])
            #expect(both.status == 2)
            #expect(both.stderr.contains("PROXYLITE_APP_KEY holds one account's key and the config watches a, b"), "\(both.stderr)")
            var text = try String(contentsOfFile: config, encoding: .utf8)
            text += "\n[profiles.c]\nbase_url = \"\(a.baseURL.absoluteString)\"\n"
            try text.write(toFile: config, atomically: true, encoding: .utf8)
            // Named, profile c (which names no key of its own) takes the variable's key.
            let c = try await runBinary(
                ["snapshot", "--config", config, "--profile", "c", "--pane", "accounts", "--format", "csv"],
                environment: ["PROXYLITE_APP_KEY": Self.keyA])
            #expect(c.status == 0, "\(c.stderr)")
            #expect(rows(c.stdout) == 7)
        }
    }

    @Test func anUnsetKeyVariableNamesTheProfile() async throws {
        try await withTwoProfiles { config, _, _, _ in
            let result = try await runBinary(["snapshot", "--config", config, "--profile", "b", "--pane", "accounts"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("profile b's app_key_env names B_APP_KEY, which is not set"), "\(result.stderr)")
        }
    }
}
