import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `serve` for real: two profiles on two simulators exported at once, SIGHUP taking a fixed key
/// file and resuming a stopped poller, SIGTERM closing the histories and releasing their locks.
@Suite(.serialized) struct ServeTests {
    static let keyA = "sa1Q2mX7vL4pR8sW1zY6nB3cD5fG0hJA"
    static let keyB = "sb2Q2mX7vL4pR8sW1zY6nB3cD5fG0hJB"

    struct Setup {
        let a: Simulator
        let b: Simulator
        let folder: String
        let config: String
        let keyFile: String
    }

    func withSetup(keyInFile: String = keyA, _ body: (Setup) async throws -> Void) async throws {
        var worldA = SimulatorConfiguration(seed: 41, accounts: 6)
        worldA.appKey = Self.keyA
        var worldB = SimulatorConfiguration(seed: 42, accounts: 9)
        worldB.appKey = Self.keyB
        let two = try await TwoAccounts.start(worldA, worldB, keyInFile: keyInFile, folderPrefix: "serve")
        let (a, b, folder, keyFile) = (two.a, two.b, two.folder, two.keyFile)
        let config = folder + "/config.toml"
        try """
        [profiles.a]
        base_url = "\(a.baseURL.absoluteString)"
        app_key_file = "\(keyFile)"

        [profiles.b]
        base_url = "\(b.baseURL.absoluteString)"
        app_key_env = "B_APP_KEY"
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let setup = Setup(a: a, b: b, folder: folder, config: config, keyFile: keyFile)
        var failure: (any Error)?
        do { try await body(setup) } catch { failure = error }
        await two.stop()
        if let failure { throw failure }
    }

    func startServe(_ setup: Setup, _ extra: [String] = []) throws -> BackgroundProcess {
        try BackgroundProcess(
            BuiltBinary.url.path,
            ["serve", "--config", setup.config, "--metrics-listen", "127.0.0.1:0", "--history-folder", setup.folder] + extra,
            environment: [
                "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": setup.folder, "XDG_STATE_HOME": setup.folder + "/state",
                "B_APP_KEY": Self.keyB,
            ],
            outputPath: setup.folder + "/serve.out")
    }

    /// The address serve prints once it listens.
    func metricsURL(_ serve: BackgroundProcess) async throws -> String {
        let text = try await serve.waitForOutput("the metrics address") { $0.contains("/metrics for ") }
        let line = try #require(text.split(separator: "\n").first { $0.contains("/metrics for ") })
        let start = try #require(line.range(of: "http://"))
        let end = try #require(line.range(of: "/metrics"))
        return String(line[start.lowerBound..<end.upperBound])
    }

    /// Scrapes until `condition` holds (polls arrive over the first seconds).
    func scrape(_ url: String, until what: String, _ condition: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(30)
        var last = ""
        while ContinuousClock.now < deadline {
            let fetched = try await fetch(url)
            let (status, body) = (fetched.status, fetched.text)
            #expect(status == 200)
            last = body
            if condition(body) { return body }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("never saw \(what); last scrape:\n\(last.prefix(4000))")
        return last
    }

    @Test func bothProfilesAreExportedAndSIGTERMShutsDownInOrder() async throws {
        try await withSetup { setup in
            let serve = try startServe(setup)
            let url = try await metricsURL(serve)
            let body = try await scrape(url, until: "both profiles' accounts") {
                $0.contains("proxylite_account_usage_bytes{profile=\"a\"") && $0.contains("proxylite_account_usage_bytes{profile=\"b\"")
            }
            // Each profile's series are its own account's: 6 and 9 sub-accounts (top 100 keeps all).
            let lines = body.split(separator: "\n").filter { $0.hasPrefix("proxylite_account_usage_bytes{") }.map(String.init)
            let countA = lines.filter { $0.contains("profile=\"a\"") }.count
            let countB = lines.filter { $0.contains("profile=\"b\"") }.count
            #expect(countA == 6)
            #expect(countB == 9)
            // The value is the account's usage as the API gives it.
            let client = ProxyLiteClient(configuration: .init(profile: setup.a.profile, appKey: setup.a.appKey))
            let first = try #require(try await client.accounts().first)
            let line = try #require(
                lines.first { $0.contains("profile=\"a\"") && $0.contains("username=\"\(first.username)\"") })
            // The simulator's usage grows: the exported value is one the API gave at serve's last poll,
            // at most what it gives now and not far below.
            let exported = try #require(line.split(separator: " ").last.flatMap { Double($0) })
            #expect(exported <= Double(first.usageBytes) && exported >= Double(first.usageBytes) * 0.99, "\(line) vs \(first.usageBytes)")
            #expect(!body.contains(Self.keyA) && !body.contains(Self.keyB))

            serve.signal(SIGTERM)
            let status = await serve.waitForExit(timeout: .seconds(20))
            #expect(status == 0, "\(serve.output)")
            // Each profile kept its own history, and let go of its writer lock.
            try Self.expectHistoriesReleased(in: setup.folder)
            let log = String(
                decoding: FileManager.default.contents(atPath: setup.folder + "/state/proxylite-top/proxylite-top.log") ?? Data(),
                as: UTF8.self)
            #expect(log.contains("serving metrics") && log.contains("serve stopped"), "\(log)")
            #expect(!log.contains(Self.keyA) && !log.contains(Self.keyB))
        }
    }

    /// The value of the first series of `metric` whose labels include all of `labels`.
    static func value(of metric: String, labels: [String], in body: String) -> Double? {
        let line = body.split(separator: "\n").first { line in
            line.hasPrefix(metric + "{") && labels.allSatisfy { line.contains($0) }
        }
        return line?.split(separator: " ").last.flatMap { Double($0) }
    }

    /// Each profile kept its own history database, and no process holds its writer lock.
    static func expectHistoriesReleased(in folder: String) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        for name in ["a", "b"] {
            let prefix = name + "@127.0.0.1_"
            let database = files.first { $0.hasPrefix(prefix) && $0.hasSuffix(".sqlite") }
            #expect(database != nil, "\(files)")
            guard let database else { continue }
            let descriptor = Glibc.open(folder + "/" + database + ".lock", O_RDWR)
            #expect(descriptor >= 0)
            let locked = flock(descriptor, LOCK_EX | LOCK_NB)
            #expect(locked == 0, "\(name)'s history is still locked")
            close(descriptor)
        }
    }

    @Test func sighupTakesTheFixedKeyAndResumesTheStoppedPoller() async throws {
        try await withSetup(keyInFile: "wrongQ2mX7vL4pR8sW1zY6nB3cD5fG0h") { setup in
            // The key file is looked at only on SIGHUP here (its own watch waits an hour).
            let serve = try startServe(setup, ["--key-check-seconds", "3600"])
            let url = try await metricsURL(serve)
            _ = try await scrape(url, until: "a's rejected key and b's accounts") {
                Self.value(of: "proxylite_api_errors_total", labels: ["kind=\"key_rejected\"", "profile=\"a\""], in: $0) ?? 0 >= 1
                    && $0.contains("proxylite_account_usage_bytes{profile=\"b\"")
            }
            _ = try await scrape(url, until: "a's polling stopped") {
                Self.value(of: "proxylite_api_polling_stopped", labels: ["profile=\"a\""], in: $0) == 1
            }
            try Self.keyA.write(toFile: setup.keyFile, atomically: true, encoding: .utf8)
            chmod(setup.keyFile, 0o600)
            serve.signal(SIGHUP)
            _ = try await scrape(url, until: "a's accounts after SIGHUP, and its polling resumed") {
                Self.value(of: "proxylite_api_polling_stopped", labels: ["profile=\"a\""], in: $0) == 0
                    && $0.contains("proxylite_account_usage_bytes{profile=\"a\"")
            }
            #expect(serve.exitStatus == nil, "SIGHUP must not end serve: \(serve.output)")
            await serve.stop()
            #expect(serve.exitStatus == 0)
        }
    }

    @Test func anotherAddressNeedsTheFlagAndATokenFileMustBePrivate() async throws {
        try await withSetup { setup in
            let remote = try await runBinary(["serve", "--config", setup.config, "--metrics-listen", "0.0.0.0:0"])
            #expect(remote.status == 2)
            #expect(remote.stderr.contains("--metrics-allow-remote"), "\(remote.stderr)")
            let token = setup.folder + "/token"
            try "s3cret-token".write(toFile: token, atomically: true, encoding: .utf8)
            chmod(token, 0o644)
            let loose = try await runBinary([
                "serve", "--config", setup.config, "--metrics-listen", "127.0.0.1:0", "--metrics-token-file", token,
            ])
            #expect(loose.status == 2)
            #expect(loose.stderr.contains("chmod 600"), "\(loose.stderr)")
        }
    }

    @Test func aTokenIsRequiredWhenOneIsSet() async throws {
        try await withSetup { setup in
            let token = setup.folder + "/token"
            try "s3cret-token\n".write(toFile: token, atomically: true, encoding: .utf8)
            chmod(token, 0o600)
            let serve = try startServe(setup, ["--metrics-token-file", token])
            let url = try await metricsURL(serve)
            #expect(try await fetch(url).status == 401)
            #expect(try await fetch(url, headers: [("Authorization", "Bearer wrong")]).status == 401)
            #expect(try await fetch(url, headers: [("Authorization", "Bearer s3cret-token")]).status == 200)
            await serve.stop()
            #expect(!serve.output.contains("s3cret-token"))
        }
    }
}
