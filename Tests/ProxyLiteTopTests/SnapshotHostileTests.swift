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

    /// One spoiled value in named rows of the whitelist, products and regions: null in its row,
    /// listed with pane, id and field; `?` in text with the count in the title.
    @Test func whitelistProductsAndRegionsNameWhatCouldNotBeRead() async throws {
        var faults = FaultPlan()
        faults.hostileValues = [
            .init(.whitelist, index: 0, .objectForText), .init(.whitelist, index: 1, .impossibleDate),
            .init(.whitelist, index: 2, .missingIdentity), .init(.products, index: 0, .nanText),
            .init(.products, index: 1, .missingIdentity), .init(.regionStock, index: 0, .negative),
        ]
        try await withSimulator(testWorld(faults: faults)) { simulator, client in
            let ips = try await client.whitelistIPs()
            let products = try await client.products()
            let stock = try await client.hostPoolRegions()
            let result = try await runBinary(
                ["snapshot", "--base-url", simulator.baseURL.absoluteString, "--format", "json"],
                environment: ["PROXYLITE_APP_KEY": testKey])
            #expect(result.status == 0, "\(result.stderr)")
            let document = try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
            #expect(array(document["whitelist"]).count == 4 && array(document["products"]).count == products.count)
            let unreadable = array(document["unreadable"]).map { entry in
                [
                    entry["pane"]?.displayText ?? "", entry["id"] == .null ? "null" : entry["id"]?.displayText ?? "",
                    entry["field"]?.displayText ?? "",
                ]
            }
            #expect(unreadable.contains(["whitelist", ips[0].ip, "remark"]), "\(unreadable)")
            #expect(unreadable.contains(["whitelist", ips[1].ip, "created_at"]))
            #expect(unreadable.contains(["products", String(products[0].id), "local_price"]))
            #expect(unreadable.contains(["regions", "host-pool/\(stock[0].countryCode)", "number"]))
            #expect(unreadable.contains(["regions", "static-ip-region/\(stock[0].countryCode)", "number"]))
            #expect(unreadable.filter { $0[0] == "whitelist" || $0[0] == "products" }.count == 3, "\(unreadable)")
            // Null in the row, the rest of the row as sent; a row without its identity is kept.
            let whitelist = array(document["whitelist"])
            #expect(whitelist[0]["remark"] == .null && whitelist[0]["ip"]?.displayText == ips[0].ip)
            #expect(whitelist[1]["created_at"] == .null && whitelist[1]["remark"]?.displayText == ips[1].remark)
            #expect(whitelist[2]["ip"]?.displayText == "" && whitelist[2]["remark"]?.displayText == ips[2].remark)
            let first = array(document["products"])[0]
            #expect(first["price"] == .null && first["currency"] == .null && first["title"]?.displayText == products[0].title)
            #expect(array(document["products"])[1]["title"]?.displayText == products[1].title)
            let pool = array(document["regions"]?["host_pool"])
            #expect(pool.count == stock.count && pool[0]["count"] == .null && pool[0]["country_code"]?.displayText == stock[0].countryCode)

            let text = try await runBinary(
                ["snapshot", "--base-url", simulator.baseURL.absoluteString, "--pane", "whitelist"],
                environment: ["PROXYLITE_APP_KEY": testKey])
            #expect(text.stdout.contains("== Whitelisted IPs (4) · 2 values unreadable, shown as ? =="), "\(text.stdout)")
            let row = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix(ips[1].ip) })
            #expect(row.hasSuffix(" ?"), "\(row)")
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
