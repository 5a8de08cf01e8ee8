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

    /// The text's own lines under the products table, the server-filter line and the region
    /// columns follow the language; the same panes' CSV and JSON are the same bytes in either.
    @Test func productsRegionsAndAServerFilterInChinese() async throws {
        let products = try await runBinary(["snapshot", "--demo", "--pane", "products", "--lang", "zh-CN"])
        #expect(products.status == 0, "\(products.stderr)")
        #expect(products.stdout.contains("\n支付方式：") && products.stdout.contains("\n充值赠送："))
        let regions = try await runBinary(["snapshot", "--demo", "--pane", "regions", "--lang", "zh-CN"])
        #expect(regions.stdout.contains("来源") && regions.stdout.contains("州/省") && !regions.stdout.contains("SOURCE"))
        let paid = try await runBinary(["snapshot", "--demo", "--pane", "orders", "--status", "paid", "--lang", "zh-CN"])
        #expect(paid.stdout.contains("服务端筛选（orders）：--status paid\n"), "\(paid.stdout.prefix(300))")
        // The demo's source names a port chosen per run and each run fetches at its own second;
        // everything else must match.
        func stable(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { !$0.contains("\"source\"") && !$0.contains("\"fetched_at\"") }
        }
        for pane in ["products", "regions"] {
            for format in ["csv", "json"] {
                let zh = try await runBinary(["snapshot", "--demo", "--pane", pane, "--format", format, "--lang", "zh-CN"])
                let en = try await runBinary(["snapshot", "--demo", "--pane", pane, "--format", format])
                #expect(zh.status == 0 && !zh.stdout.isEmpty)
                #expect(stable(zh.stdout) == stable(en.stdout), "\(pane) \(format) differs by language")
            }
        }
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
