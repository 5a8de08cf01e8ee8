import Foundation
import ProxyLiteSimulator
import TestSupport
import Testing

/// Actions through the real binary in tmux, against an in-process simulator whose changes apply
/// after a short delay: the dialog, the pending mark, the change once a poll shows it.
@Suite(.serialized) struct ActionTests {
    /// A simulator with 20 accounts whose deletes and disables apply after `applyDelay`, and the
    /// dashboard on it.
    func start(
        applyDelay: Duration = .seconds(1), arguments: [String] = [], environment: [String: String] = [:],
        configure: (inout SimulatorConfiguration) -> Void = { _ in }
    ) async throws -> (Simulator, TmuxSession) {
        var world = SimulatorConfiguration(seed: 11, accounts: 20, staticIPs: 12, orders: 10, packages: 6, applyDelay: applyDelay)
        world.appKey = testKey
        configure(&world)
        let simulator = try await Simulator.start(world)
        let tmux = try await TmuxSession(
            ["--base-url", simulator.baseURL.absoluteString] + arguments,
            environment: ["PROXYLITE_APP_KEY": testKey].merging(environment) { $1 })
        do {
            try await tmux.waitFor("Accounts 20 / 20")
        } catch {
            await tmux.close()
            await simulator.stop()
            throw error
        }
        return (simulator, tmux)
    }

    /// Runs `body` on a fresh simulator and dashboard, and always closes both: a failing test
    /// must not leave a dashboard polling a stopped simulator behind.
    func session(
        applyDelay: Duration = .seconds(1), arguments: [String] = [], environment: [String: String] = [:],
        configure: (inout SimulatorConfiguration) -> Void = { _ in }, _ body: (Simulator, TmuxSession) async throws -> Void
    ) async throws {
        let (simulator, tmux) = try await start(
            applyDelay: applyDelay, arguments: arguments, environment: environment, configure: configure)
        do {
            try await body(simulator, tmux)
            try await quit(tmux, simulator)
        } catch {
            await tmux.close()
            await simulator.stop()
            throw error
        }
    }

    /// The username on the first row of the accounts table (sorted by usage, largest first).
    func firstAccount(_ tmux: TmuxSession) async throws -> String {
        let screen = try await tmux.capture()
        let row = screen.split(separator: "\n", omittingEmptySubsequences: false)[4]
        return String(row.split(separator: " ").first { !["●"].contains($0) } ?? "")
    }

    func row(_ name: String, _ screen: String) -> String {
        screen.split(separator: "\n").first { $0.split(separator: " ").contains(Substring(name)) }.map(String.init) ?? ""
    }

    /// Presses `r` (refresh) until `condition` holds: the provider applies some changes later.
    @discardableResult
    func refreshUntil(_ tmux: TmuxSession, _ what: String, _ condition: @escaping (String) -> Bool) async throws -> String {
        for _ in 0..<20 {
            try await tmux.send("r")
            if let screen = try? await tmux.waitUntil(timeout: .seconds(1), what, condition) { return screen }
        }
        return try await tmux.waitUntil(timeout: .seconds(1), what, condition)
    }

    /// Waits until the open dialog takes y and Enter: for its first 250 ms it ignores them, as
    /// typed before it could be read, and its key hint says so until then.
    @discardableResult
    func settled(_ tmux: TmuxSession) async throws -> String {
        try await tmux.waitUntil("the dialog to take answers") { !$0.contains("answer in a moment") }
    }

    func quit(_ tmux: TmuxSession, _ simulator: Simulator) async throws {
        let screen = try await tmux.capture()
        #expect(!screen.contains(testKey))
        try await tmux.send("q")
        try await tmux.waitFor("[exited 0]")
        await tmux.close()
        await simulator.stop()
    }

    @Test func disableThenEnable() async throws {
        try await session(applyDelay: .seconds(2)) { simulator, tmux in
            let name = try await firstAccount(tmux)
            #expect(row(name, try await tmux.capture()).contains(" on "))
            try await tmux.send("d")
            try await tmux.waitFor("Disable sub-accounts")
            let dialog = try await settled(tmux)
            #expect(dialog.contains("[ Cancel ]") && dialog.contains("[ Disable ]"))
            try await tmux.send("y")
            try await tmux.waitFor("→off")
            try await tmux.waitFor("✓ Accepted: disable \(name)")
            #expect(simulator.requestCounts["whitelist-account/disable"] == 1)
            try await refreshUntil(tmux, "\(name) off") { self.row(name, $0).contains(" off ") && !$0.contains("pending") }
            try await tmux.send("e")
            try await tmux.waitFor("Enable sub-accounts")
            try await settled(tmux)
            try await tmux.send("Tab", "Enter")  // Tab to the Enable button, Enter presses it
            try await refreshUntil(tmux, "\(name) on") { self.row(name, $0).contains(" on ") && !$0.contains("pending") }
            #expect(simulator.requestCounts["whitelist-account/enable"] == 1)
        }
    }

    @Test func changeLimit() async throws {
        try await session { simulator, tmux in
            let name = try await firstAccount(tmux)
            try await tmux.send("l")
            try await tmux.waitFor("Limit (GB)")
            try await settled(tmux)
            try await tmux.send("C-u")
            try await tmux.type("1x23")  // the x is refused as typed
            try await tmux.waitFor("digits only")
            try await tmux.send("Enter", "Enter")
            try await tmux.waitFor("to 123 GB")
            try await settled(tmux)
            try await tmux.send("y")
            let screen = try await tmux.waitUntil("the new limit on the row") { self.row(name, $0).contains("123 GB") }
            #expect(!screen.contains("Change limit"))
            #expect(simulator.requestCounts["whitelist-account/change-limit"] == 1)
        }
    }

    @Test func deleteWithTypedConfirmation() async throws {
        try await session { simulator, tmux in
            let name = try await firstAccount(tmux)
            try await tmux.send("D")
            try await tmux.waitFor("This cannot be undone.")
            try await settled(tmux)
            try await tmux.send("y")
            try await tmux.waitFor("Type the account's name (\(name))")
            try await settled(tmux)
            try await tmux.type("wrong")
            try await tmux.send("Enter")
            try await tmux.waitFor("nothing was deleted")
            #expect(simulator.requestCounts["whitelist-account/delete"] == nil)
            try await tmux.send("C-u")
            try await tmux.type(name)
            try await tmux.send("Enter")
            try await tmux.waitFor("del…")
            try await refreshUntil(tmux, "the account gone") { $0.contains("Accounts 19 / 19") && !$0.contains("pending") }
            #expect(simulator.requestCounts["whitelist-account/delete"] == 1)
        }
    }

    @Test func whitelistAddWithTheSSHClientHelper() async throws {
        try await session(environment: ["SSH_CLIENT": "198.51.100.77 50022 22"]) { simulator, tmux in
            try await tmux.send("6")
            try await tmux.waitFor("your IP 198.51.100.77 is not listed")
            try await tmux.send("a")
            try await tmux.waitFor("Ctrl-G adds it")
            try await settled(tmux)
            try await tmux.type("203.0.113.99,")
            try await tmux.send("C-g")
            try await tmux.waitFor("203.0.113.99,198.51.100.77")
            try await tmux.send("Enter", "Enter", "Enter", "Enter", "Enter")  // through type, package and remark to Continue
            try await tmux.waitFor("Allow these addresses")
            try await settled(tmux)
            try await tmux.send("y")
            try await tmux.waitFor("your IP 198.51.100.77 is listed")
            let screen = try await tmux.waitFor("203.0.113.99")
            #expect(screen.contains("Whitelist 6"))
            #expect(simulator.requestCounts["proxy-ip/add"] == 1)
        }
    }

    @Test func renewalPreviewThenAnExplicitOrder() async throws {
        try await session { simulator, tmux in
            try await tmux.send("8")
            try await tmux.waitFor("Payment methods")  // the catalogue holds the renewal product and payment methods
            try await tmux.send("3")
            try await tmux.waitFor("Static IPs 12 / 12")
            try await tmux.send("R")
            try await tmux.waitFor("Preview price")
            try await settled(tmux)
            try await tmux.send("Enter", "Enter", "Enter")
            try await tmux.waitFor("Nothing has been ordered yet.")
            let quote = try await settled(tmux)
            #expect(quote.contains("Total"))
            #expect(quote.contains("[ Create order ]"))
            #expect(simulator.requestCounts["order/check"] == 1)
            #expect(simulator.requestCounts["order/create"] == nil)
            try await tmux.send("Enter")  // Cancel is focused: nothing is ordered
            try await tmux.waitFor("nothing was changed")
            #expect(simulator.requestCounts["order/create"] == nil)
            try await tmux.send("R")
            try await tmux.waitFor("Preview price")
            try await settled(tmux)
            try await tmux.send("Enter", "Enter", "Enter")
            try await tmux.waitFor("Nothing has been ordered yet.")
            try await settled(tmux)
            try await tmux.send("y")
            let order = try await tmux.waitFor("Order created")
            #expect(order.contains("trade no"))
            #expect(simulator.requestCounts["order/create"] == 1)
            try await tmux.send("Escape", "4")
            try await tmux.waitFor("Orders 11 / 11")
        }
    }

    @Test func readOnlyOffersNoWrites() async throws {
        try await session(arguments: ["--read-only"]) { simulator, tmux in
            let screen = try await tmux.capture()
            #expect(screen.contains("[RO]"))
            #expect(!screen.contains("disable selected"))
            try await tmux.send("d")
            try await tmux.waitFor("Read-only mode")
            try await tmux.send("?")
            let help = try await tmux.waitFor("Keys · Accounts")
            #expect(!help.contains("delete selected"))
            try await tmux.send("Escape")
            #expect(simulator.requestCounts.keys.allSatisfy { !$0.contains("disable") })
        }
    }

    @Test func rawInspectorMasksThePassword() async throws {
        try await session { simulator, tmux in
            try await tmux.send("y")
            let screen = try await tmux.waitFor("raw, as the API sends it")
            #expect(screen.contains("\"usage_flow\""))
            #expect(screen.contains("\"password\": \"••••••\""))
            try await tmux.send("Escape")
        }
    }
}

extension ActionTests {
    @Test func extractAndSaveToAFile() async throws {
        try await session { simulator, tmux in
            try await tmux.send("7")
            try await tmux.waitFor("Host pool stock")
            try await tmux.send("Enter")
            try await tmux.waitFor("Extract proxy endpoints")
            try await settled(tmux)
            try await tmux.send("Tab")
            try await tmux.type("U")
            try await tmux.waitFor("‹ U")
            // Enter moves through state, city, number, session, network and format, then presses Extract.
            try await tmux.send("Enter", "Enter", "Enter", "Enter", "Enter", "Enter", "Enter", "Enter")
            try await tmux.waitFor("Extracted 10 endpoints")
            #expect(simulator.requestCounts["ip/v3"] == 1)
            try await tmux.send("w")
            try await tmux.waitFor("Save 10 endpoints")
            try await settled(tmux)
            // A folder that does not exist: the reason is shown, the endpoints stay, nothing crashes.
            try await tmux.send("C-u")
            try await tmux.type("/nonexistent-folder/endpoints.txt")
            try await tmux.send("Enter", "Enter")
            try await tmux.waitFor("✗ Could not write /nonexistent-folder/endpoints.txt")
            try await tmux.send("w")
            try await tmux.waitFor("Save 10 endpoints")
            try await settled(tmux)
            try await tmux.send("Enter", "Enter")
            let saved = try await tmux.waitFor("✓ Saved 10 endpoints to")
            let path = try #require(
                saved.split(separator: "\n").first { $0.contains("✓ Saved") }?.split(separator: " ").last.map(String.init))
            #expect(path.hasPrefix(tmux.home.path))
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 10)
            #expect(lines.allSatisfy { $0.contains(":") })
        }
    }
}

extension ActionTests {
    @Test func whitelistRemovalAsksForTheVerificationCode() async throws {
        try await session(configure: { $0.whitelistDeleteNeedsVerification = true }) { simulator, tmux in
            try await tmux.send("6")
            try await tmux.waitFor("Whitelist 4")
            let ip = try #require(
                try await tmux.capture().split(separator: "\n", omittingEmptySubsequences: false)[4].split(separator: " ").first.map(
                    String.init))
            try await tmux.send("D")
            try await tmux.waitFor("Remove from the whitelist")
            try await settled(tmux)
            try await tmux.send("y")
            try await tmux.waitFor("Verification needed")
            try await settled(tmux)
            try await tmux.send("Right", "Tab")  // verify by email
            try await tmux.type(simulator.configuration.verificationCode)
            try await tmux.send("Enter", "Enter")
            try await tmux.waitFor("Whitelist 3")
            let rows = try await tmux.capture().split(separator: "\n", omittingEmptySubsequences: false)[4..<20]
            #expect(!rows.contains { $0.hasPrefix(ip + " ") })
            #expect(try await tmux.capture().contains("✓ Accepted: removal of \(ip)"))
            #expect(simulator.requestCounts["proxy-ip/delete"] == 2)
        }
    }
}

extension ActionTests {
    /// `[keys.accounts] disable = "x"` in the config: the real binary disables on x, not on d,
    /// and its footer says so.
    @Test func aRemappedKeyFromTheConfig() async throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString).toml")
        try "[keys.accounts]\ndisable = \"x\"\n".write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        try await session(arguments: ["--config", config.path]) { simulator, tmux in
            try await tmux.send("?")
            let help = try await tmux.waitFor("disable selected or marked")
            let line = help.split(separator: "\n").first { $0.contains("disable selected or marked") } ?? ""
            #expect(line.contains(" x "), "\(line)")
            try await tmux.send("Escape")
            try await tmux.waitUntil("help to close") { !$0.contains("disable selected or marked") }
            try await tmux.send("d")
            try await tmux.send("x")
            try await tmux.waitFor("Disable sub-accounts")
            try await settled(tmux)
            try await tmux.send("Escape")
            try await tmux.waitUntil("the dialog to close") { !$0.contains("Disable sub-accounts") }
            #expect(simulator.requestCounts["whitelist-account/disable"] == nil)
        }
    }
}

extension ActionTests {
    /// `0` then a few letters of a pane's name and Enter: the real binary goes there.
    @Test func thePanePickerGoesToAPaneByName() async throws {
        try await session { _, tmux in
            try await tmux.send("0")
            try await tmux.waitFor("Go to pane")
            try await tmux.send("p", "r", "o", "Enter")
            try await tmux.waitUntil("the Products pane") { $0.contains("Products ") && !$0.contains("Go to pane") }
        }
    }
}
