import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

@testable import proxylite_top

/// `snapshot` against a simulator that serves hostile rows: it finishes, every row is there,
/// unreadable values are null in JSON and listed in `unreadable`, `?` in text; no text from the
/// API reaches the terminal raw.
@Suite struct SnapshotHostileTests {
    func hostileWorld() -> SimulatorConfiguration {
        var faults = FaultPlan()
        faults.hostileRows = 0.5
        faults.hostileSeed = 5
        return testWorld(faults: faults)
    }

    func array(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let items)? = value { return items }
        return []
    }

    @Test func jsonKeepsEveryRowAndListsWhatCouldNotBeRead() async throws {
        try await withSimulator(hostileWorld()) { simulator, _ in
            let result = try await runBinary(
                ["snapshot", "--base-url", simulator.baseURL.absoluteString, "--format", "json"],
                environment: ["PROXYLITE_APP_KEY": testKey])
            #expect(result.status == 0, "\(result.stderr)")
            let document = try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
            #expect(array(document["accounts"]).count == 30 && array(document["static_ips"]).count == 25)
            #expect(array(document["orders"]).count == 30 && array(document["packages"]).count == 10)
            let unreadable = array(document["unreadable"])
            #expect(unreadable.count > 10)
            let panes = Set(unreadable.compactMap { $0["pane"]?.displayText })
            #expect(panes.isSuperset(of: ["accounts", "static-ips", "orders", "packages"]), "\(panes)")
            // A listed value is null in its row.
            let usage = unreadable.first { $0["pane"] == "accounts" && $0["field"] == "usage_flow" && $0["id"] != .null }
            let name = try #require(usage?["id"]?.displayText)
            let row = try #require(array(document["accounts"]).first { $0["username"]?.displayText == name })
            #expect(row["usage_bytes"] == .null)
            // Far-future dates are "never", not a date and not null.
            let dates = array(document["static_ips"]).map { $0["expires_at"] } + array(document["packages"]).map { $0["expires_at"] }
            #expect(dates.contains { $0 == "never" })
            #expect(!result.stdout.contains(testKey))
        }
    }

    @Test func unreadableIsPresentAndEmptyWhenAllIsWell() async throws {
        let result = try await runBinary(["snapshot", "--demo", "--format", "json", "--pane", "accounts"])
        #expect(result.status == 0)
        let document = try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
        #expect(document["unreadable"] == .array([]))
    }

    @Test func textShowsQuestionMarksAndCounts() async throws {
        try await withSimulator(hostileWorld()) { simulator, _ in
            let result = try await runBinary(
                ["snapshot", "--base-url", simulator.baseURL.absoluteString, "--pane", "accounts"],
                environment: ["PROXYLITE_APP_KEY": testKey])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("== Sub-accounts (30) · "))
            #expect(result.stdout.contains("unreadable, shown as ?"))
            #expect(result.stdout.split(separator: "\n").contains { $0.contains(" ? ") || $0.hasSuffix("?") })
        }
    }

    @Test func csvKeepsTabAndNewlinesQuotedAndEscapesOtherControls() {
        #expect(SnapshotCSV.field("a\tb") == "\"a\tb\"")
        #expect(SnapshotCSV.field("a\r\nb") == "\"a\r\nb\"")
        #expect(SnapshotCSV.field("x\u{1B}[2Jy") == "x\\u{1B}[2Jy")
        #expect(SnapshotCSV.field("del\u{7F} c1\u{9B}") == "del\\u{7F} c1\\u{9B}")
        #expect(SnapshotCSV.field("\u{0}") == "\\u{0}")
    }

    @Test func textEscapesControlsAndInvisibleCharactersInNames() {
        var data = SnapshotData(fetchedAt: Date(timeIntervalSince1970: 1_800_000_000), source: "t")
        data.accounts = [Fixtures.account("ad\u{202E}nim", remark: #"r\u001B[2Jx"#)]
        let text = SnapshotText.render(data, tables: SnapshotTables.tables(data, offset: 0))
        #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}"))
        #expect(text.contains(#"ad\u{202E}nim"#))
    }
}
