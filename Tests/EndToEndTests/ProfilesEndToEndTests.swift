import Foundation
import ProxyLiteSimulator
import TestSupport
import Testing

/// Two profiles on two simulators with different keys, the real binary in tmux: the header names
/// the profile, the overview lists both, the picker switches, and a change confirmed on one
/// profile reaches that profile's API only.
@Suite(.serialized) struct ProfilesEndToEndTests {
    static let keyA = "ea1Q2mX7vL4pR8sW1zY6nB3cD5fG0hJA"
    static let keyB = "eb2Q2mX7vL4pR8sW1zY6nB3cD5fG0hJB"

    @Test func twoProfilesWatchedSwitchedAndActedOnSeparately() async throws {
        var worldA = SimulatorConfiguration(seed: 51, accounts: 7, applyDelay: .seconds(1))
        worldA.appKey = Self.keyA
        var worldB = SimulatorConfiguration(seed: 52, accounts: 11, applyDelay: .seconds(1))
        worldB.appKey = Self.keyB
        let two = try await TwoAccounts.start(worldA, worldB, folderPrefix: "profiles-e2e")
        let (a, b, folder) = (two.a, two.b, two.folder)
        let keyFile = two.keyFile
        let config = folder + "/config.toml"
        try """
        [profiles.alpha]
        base_url = "\(a.baseURL.absoluteString)"
        app_key_file = "\(keyFile)"
        color = "cyan"

        [profiles.beta]
        base_url = "\(b.baseURL.absoluteString)"
        app_key_env = "BETA_APP_KEY"
        color = "magenta"
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let tmux = try await TmuxSession(
            ["--config", config, "--history-folder", folder, "--metrics-listen", "127.0.0.1:0"],
            environment: ["BETA_APP_KEY": Self.keyB, "XDG_STATE_HOME": folder + "/state"])
        do {
            try await tmux.waitFor("Accounts 7 / 7")
            #expect(try await tmux.capture().contains("proxylite-top alpha"))

            // The overview: one row per profile, both polled.
            try await tmux.send("O")
            let overview = try await tmux.waitUntil("both profiles in the overview") { screen in
                screen.contains("alpha") && screen.contains("beta") && screen.contains("live")
            }
            #expect(!overview.contains(Self.keyA) && !overview.contains(Self.keyB))

            // The picker: typing the start of a name chooses it, Enter switches.
            try await tmux.send("1")
            try await tmux.send("P")
            try await tmux.waitFor("beta")
            try await tmux.send("b")
            try await tmux.send("Enter")
            try await tmux.waitFor("Accounts 11 / 11")
            let switched = try await tmux.capture()
            #expect(switched.contains("proxylite-top beta"))

            // A change on beta names beta and reaches beta's API only.
            try await tmux.send("d")
            let dialog = try await tmux.waitFor("Disable sub-accounts")
            #expect(dialog.contains("profile beta"), "\(dialog)")
            try await tmux.waitUntil("the dialog to take answers") { !$0.contains("answer in a moment") }
            try await tmux.send("y")
            try await tmux.waitFor("✓ Accepted: disable")
            #expect(b.requestCounts["whitelist-account/disable"] == 1)
            #expect(a.requestCounts["whitelist-account/disable"] == nil)

            // The dashboard serves both profiles' metrics too (its address is in the log).
            let log = folder + "/state/proxylite-top/proxylite-top.log"
            let text = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
            let address = try #require(
                text.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("address=http://") }?.dropFirst(8), "\(text)")
            var metrics = ""
            for _ in 0..<100 {
                metrics = try await fetch(String(address)).text
                if metrics.contains("profile=\"alpha\"") && metrics.contains("profile=\"beta\"") { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(metrics.contains("proxylite_account_usage_bytes{profile=\"alpha\""), "\(metrics.prefix(2000))")
            #expect(metrics.contains("proxylite_account_usage_bytes{profile=\"beta\""))

            // Each profile keeps its own history database.
            let files = try FileManager.default.contentsOfDirectory(atPath: folder)
            #expect(files.contains { $0.hasPrefix("alpha@127.0.0.1_") && $0.hasSuffix(".sqlite") }, "\(files)")
            #expect(files.contains { $0.hasPrefix("beta@127.0.0.1_") && $0.hasSuffix(".sqlite") }, "\(files)")

            try await tmux.send("q")
            try await tmux.waitFor("[exited 0]")
        } catch {
            await tmux.close()
            await two.stop()
            throw error
        }
        await tmux.close()
        await two.stop()
    }
}
