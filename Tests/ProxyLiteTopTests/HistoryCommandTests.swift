import Foundation
import ProxyLiteAPI
import TestSupport
import Testing

@testable import History

/// `proxylite-top history` on the real binary, reading a database written as the dashboard writes it.
@Suite struct HistoryCommandTests {
    func recordedFolder(minutes: Int) throws -> String {
        let folder = NSTemporaryDirectory() + "histcmd-\(UUID().uuidString)"
        let location = HistoryPlace_location(folder: folder)
        let (database, _) = try HistoryDatabase.open(location, key: AppKey(testKey)!, holder: "test")
        var writer = try HistoryWriter(database: database)
        let start = Date().addingTimeInterval(-Double(minutes) * 60)
        for minute in 0..<minutes {
            let account = Fixtures.account("alice", usageGB: Double(minute) / 1024, limitGB: 10)
            try writer.record(accounts: [account], at: start.addingTimeInterval(Double(minute) * 60))
        }
        return folder
    }

    /// Where the binary looks for `--base-url http://127.0.0.1:9` in `folder`.
    func HistoryPlace_location(folder: String) -> HistoryLocation {
        HistoryLocation(path: folder + "/" + HistoryLocation.fileName(profile: "default", host: "127.0.0.1:9"))
    }

    @Test func csvRowsOfOneAccount() async throws {
        let folder = try recordedFolder(minutes: 10)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try await runBinary(
            [
                "history", "--history-folder", folder, "--base-url", "http://127.0.0.1:9", "--account", "alice", "--since", "1h",
                "--format", "csv",
            ],
            environment: ["PROXYLITE_APP_KEY": testKey])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "time,username,usage_bytes,delta_bytes,rate_bytes_per_second")
        #expect(lines.count == 11)
        let last = lines.last?.split(separator: ",") ?? []
        #expect(last.count == 5)
        #expect(last[1] == "alice")
        #expect(last[3] == "1048576")
        #expect(!result.stdout.contains(testKey) && !result.stderr.contains(testKey))
    }

    @Test func jsonAndTheWholeAccount() async throws {
        let folder = try recordedFolder(minutes: 5)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try await runBinary(
            ["history", "--history-folder", folder, "--base-url", "http://127.0.0.1:9", "--format", "json"],
            environment: ["PROXYLITE_APP_KEY": testKey])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["resolution"] as? String == "1h")
        let rows = try #require(document["rows"] as? [[String: Any]])
        #expect(rows.reduce(0) { $0 + (($1["delta_bytes"] as? Int) ?? 0) } == 4 * 1_048_576)
    }

    @Test func anotherKeyHasNoHistoryAndExitsOne() async throws {
        let folder = try recordedFolder(minutes: 3)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try await runBinary(
            ["history", "--history-folder", folder, "--base-url", "http://127.0.0.1:9"],
            environment: ["PROXYLITE_APP_KEY": "some-other-key-000000"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no history recorded for this key"))
    }
}
