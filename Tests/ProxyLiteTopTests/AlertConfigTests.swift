import Foundation
import Monitor
import TestSupport
import Testing

@testable import proxylite_top

/// `[alerts]`, `history` and `history_max_mb` in the config file, and `alert test` run for real.
@Suite struct AlertConfigTests {
    func parse(_ text: String) throws -> Config { try ConfigFile.parse(text, file: "config.toml") }

    func problem(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test func everyAlertKeyIsRead() throws {
        let config = try parse(
            """
            [alerts]
            usage_percent = 90
            hours_to_limit = 24.5
            static_ip_days = 3
            package_days = 7
            traffic_left_gb = 100
            api_down_minutes = 10
            spike_factor = 5
            bell = true
            desktop = true
            exec = "~/bin/page-me"
            """)
        let rules = config.alerts
        #expect(
            rules.thresholds == [
                .usagePercent: 90, .hoursToLimit: 24.5, .staticIPDays: 3, .packageDays: 7, .trafficLeft: 100, .apiDown: 10,
                .spike: 5,
            ])
        #expect(rules.bell && rules.desktop)
        #expect(rules.exec == ["~/bin/page-me"])  // one program path, never split
        #expect(try parse("[alerts]\nexec = \"/opt/my hook\"\n").alerts.exec == ["/opt/my hook"])
        #expect(try parse("[alerts]\nexec = [\"notify\", \"--urgent\"]\n").alerts.exec == ["notify", "--urgent"])
    }

    @Test func withoutTheTableNothingIsWatched() throws {
        let config = try parse("theme = \"nord\"\n")
        #expect(config.alerts == AlertRules())
        #expect(config.alerts.isEmpty)
        #expect(config.history && config.historyMaxMB == 500)
        #expect(try parse("[alerts]\nspike_factor = 5\n").alerts.thresholds == [.spike: 5])
    }

    @Test func historyKeys() throws {
        let config = try parse("history = false\nhistory_max_mb = 64\n")
        #expect(!config.history && config.historyMaxMB == 64)
    }

    @Test(arguments: [
        ("[alerts]\nusage = 90\n", "config.toml:2: unknown alert key 'usage'; expected usage_percent, hours_to_limit"),
        ("[alerts]\nusage_percent = 0\n", "config.toml:2: alerts.usage_percent must be a positive number, such as 90, not 0"),
        ("[alerts]\nspike_factor = -2.5\n", "config.toml:2: alerts.spike_factor must be a positive number"),
        ("[alerts]\npackage_days = \"7\"\n", "config.toml:2: alerts.package_days must be a positive number, not text"),
        ("[alerts]\nbell = 1\n", "config.toml:2: alerts.bell must be true or false"),
        ("[alerts]\ndesktop = \"yes\"\n", "config.toml:2: alerts.desktop must be true or false"),
        ("[alerts]\nexec = \"\"\n", "config.toml:2: alerts.exec names no program"),
        ("[alerts]\nexec = []\n", "config.toml:2: alerts.exec names no program"),
        ("[alerts]\nexec = [\"a\", 1]\n", "config.toml:2: alerts.exec lists the program and its arguments as text"),
        ("[alerts]\nexec = true\n", "config.toml:2: alerts.exec must be a program in quotes"),
        ("history = \"on\"\n", "config.toml:1: history must be true or false"),
        ("history_max_mb = 0\n", "config.toml:1: history_max_mb must be a whole number of megabytes"),
        ("history_max_mb = 1.5\n", "config.toml:1: history_max_mb must be a whole number of megabytes"),
        ("[alert]\n", "config.toml:1: unknown table [alert]; the tables are [intervals], [alerts], [keys.<pane>]"),
        ("histroy = true\n", "config.toml:1: unknown key 'histroy'; expected base_url"),
    ])
    func mistakesSayWhereAndWhat(text: String, message: String) {
        let found = problem(text)
        #expect(found?.hasPrefix(message) == true, "\(found ?? "accepted")")
    }

    @Test func theExampleIsAValidConfig() throws {
        let config = try parse(Config.example)
        #expect(config.alerts.thresholds.count == AlertKind.allCases.count)
        #expect(config.alerts.exec == ["~/bin/page-me"])
        #expect(config.history && config.historyMaxMB == 500)
    }

    // MARK: - alert test, the binary

    func withConfig(_ text: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("config.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("alert-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func alertTestRunsTheHookWithASampleAlert() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let hook = dir.appendingPathComponent("hook").path
        try writeScript("#!/bin/sh\ncat > \"$1\"\n", to: hook)
        let out = dir.appendingPathComponent("alerts.json").path
        let config = try withConfig("[alerts]\nusage_percent = 90\nbell = true\nexec = [\"\(hook)\", \"\(out)\"]\n", in: dir)
        let result = try await runBinary(["alert", "test", "--config", config])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("exec \(hook): ran"), "\(result.stdout)")
        #expect(result.stdout.contains("bell: skipped, standard output is not a terminal"), "\(result.stdout)")
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(array.count == 1)
        #expect(array.first?["kind"] as? String == "usage_percent")
        #expect(array.first?["subject"] as? String == "sample")
        #expect((array.first?["message"] as? String)?.contains("test alert") == true)
    }

    @Test func alertTestExitsOneWhenTheHookFailsAndTwoWithoutOutputs() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let failing = try withConfig("[alerts]\nusage_percent = 90\nexec = \"\(dir.path)/absent\"\n", in: dir)
        let failed = try await runBinary(["alert", "test", "--config", failing])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("cannot start"), "\(failed.stdout)")
        #expect(failed.stderr.contains("the alert hook failed"), "\(failed.stderr)")
        let none = try withConfig("[alerts]\nusage_percent = 90\n", in: dir)
        let nothing = try await runBinary(["alert", "test", "--config", none])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("no alert output is configured"), "\(nothing.stderr)")
    }
}
