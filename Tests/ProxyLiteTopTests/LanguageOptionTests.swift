import Foundation
import TestSupport
import Testing

/// `--lang` and `lang =`: snapshot's text follows them and nothing else; JSON and CSV never do.
@Suite struct LanguageOptionTests {
    func withConfig(_ text: String, _ arguments: [String], environment: [String: String] = [:]) async throws -> RunResult {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString).toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try await runBinary(arguments + ["--config", file.path], environment: environment)
    }

    @Test func snapshotTextInChinese() async throws {
        let result = try await runBinary(["snapshot", "--demo", "--pane", "accounts", "--lang", "zh-CN"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("proxylite-top 快照 · "))
        #expect(result.stdout.contains("== 子账号 ("))
        #expect(result.stdout.contains("用户名") && result.stdout.contains("创建日期"))
    }

    @Test func snapshotTextIgnoresTheLocale() async throws {
        let result = try await runBinary(["snapshot", "--demo", "--pane", "accounts"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("== Sub-accounts (") && result.stdout.contains("USERNAME"))
    }

    @Test func theConfigsLangChoosesTheText() async throws {
        let result = try await withConfig("lang = \"zh-CN\"\n", ["snapshot", "--demo", "--pane", "accounts"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("== 子账号 ("))
        let overridden = try await withConfig("lang = \"zh-CN\"\n", ["snapshot", "--demo", "--pane", "accounts", "--lang", "en"])
        #expect(overridden.stdout.contains("== Sub-accounts ("))
    }

    @Test func csvAndJSONStayLanguageNeutral() async throws {
        let csv = try await runBinary(["snapshot", "--demo", "--pane", "accounts", "--format", "csv", "--lang", "zh-CN"])
        let english = try await runBinary(["snapshot", "--demo", "--pane", "accounts", "--format", "csv"])
        #expect(csv.status == 0 && csv.stdout.hasPrefix("USERNAME,STATUS,TYPE,USAGE,"))
        #expect(csv.stdout.split(separator: "\r\n").first == english.stdout.split(separator: "\r\n").first)
        #expect(csv.stdout.contains(",enabled,") && !csv.stdout.contains("启用"))
        let json = try await runBinary(["snapshot", "--demo", "--pane", "accounts", "--format", "json", "--lang", "zh-CN"])
        #expect(json.status == 0 && json.stdout.contains("\"username\"") && !json.stdout.contains("用户名"))
    }

    @Test func aBadLangNamesFileAndLine() async throws {
        let result = try await withConfig("theme = \"nord\"\nlang = \"fr\"\n", ["snapshot", "--demo", "--pane", "accounts"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(".toml:2: lang must be one of en, zh-CN, not \"fr\""), "\(result.stderr)")
        let inProfile = try await withConfig("[profiles.main]\nlang = \"zh-CN\"\n", ["snapshot", "--demo", "--pane", "accounts"])
        #expect(inProfile.status == 2 && inProfile.stderr.contains(".toml:2: lang applies to the whole screen"), "\(inProfile.stderr)")
    }

    @Test func aBadLangOptionIsAUsageError() async throws {
        let result = try await runBinary(["snapshot", "--demo", "--lang", "fr"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--lang"))
    }
}
