import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

/// `snapshot` and the reference: labels per endpoint, order fields, whole flow days, the
/// whitelist, products and regions panes, and partial failures (run as the built binary).
@Suite struct SnapshotPaneTests {
    func json(_ result: RunResult) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
    }

    func array(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let items) = value { return items }
        return []
    }

    @Test func packagesAreLabelledFromTheAccountTable() async throws {
        let result = try await runBinary(["snapshot", "--demo", "--format", "json", "--pane", "packages"])
        #expect(result.status == 0, "\(result.stderr)")
        let packages = array(try json(result)["packages"])
        // The demo holds packages of type 9 and 12; the account table (ref:987) knows only 9.
        #expect(packages.contains { $0["product_type"]?["code"] == 12 })
        for package in packages {
            if package["product_type"]?["code"] == 12 { #expect(package["product_type"]?["label"] == .null) }
            if package["product_type"]?["code"] == 9 {
                #expect(package["product_type"]?["label"] == "Dynamic residential traffic")
            }
        }
        let text = try await runBinary(["snapshot", "--demo", "--pane", "packages"])
        #expect(text.stdout.contains("type 12") && !text.stdout.contains("Long-term IDC"))
    }

    @Test func ordersGainPayFeeStatusAndRefundsAtTheEnd() async throws {
        let csv = try await runBinary(["snapshot", "--demo", "--format", "csv", "--pane", "orders"])
        #expect(csv.status == 0)
        let records = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(records.first == "TRADE NO,TITLE,TYPE,AMOUNT,PAY FEE,STATUS,CREATED,PAID,PAY FEE STATUS,REFUND")
        let result = try await runBinary(["snapshot", "--demo", "--format", "json", "--pane", "orders"])
        let orders = array(try json(result)["orders"])
        #expect(orders.contains { $0["pay_fee_status"] == "overpaid" && $0["pay_fee_status_code"] == 1 })
        #expect(orders.contains { $0["pay_fee_status"] == "underpaid" })
        #expect(orders.filter { $0["status"] == "refunded" }.allSatisfy { $0["refunded"] == true })
        #expect(orders.allSatisfy { $0["refund_fee"] != nil })
    }

    @Test func theOldestFlowDayIsWhole() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let result = try await runBinary(
                ["snapshot", "--base-url", simulator.baseURL.absoluteString, "--format", "json", "--pane", "flow"],
                environment: ["PROXYLITE_APP_KEY": testKey])
            #expect(result.status == 0, "\(result.stderr)")
            let flow = array(try json(result)["flow"])
            #expect(flow.count == 30)
            let range = client.flowRange(lastDays: 30)
            let oldest = try #require(try await client.dailyFlow(from: range.start, to: range.start.addingTimeInterval(86_399)).first)
            #expect(flow.first?["day"] == .string(oldest.day))
            #expect(flow.first?["bytes"] == .integer(oldest.bytes))
        }
    }

    @Test func whitelistProductsAndRegionsPanes() async throws {
        let whitelist = try await runBinary(["snapshot", "--demo", "--format", "json", "--pane", "whitelist"])
        #expect(whitelist.status == 0, "\(whitelist.stderr)")
        let ips = array(try json(whitelist)["whitelist"])
        #expect(!ips.isEmpty && ips.allSatisfy { $0["ip"] != nil && $0["product_type"] != nil })

        let products = try await runBinary(["snapshot", "--demo", "--format", "json", "--pane", "products"])
        #expect(products.status == 0, "\(products.stderr)")
        let document = try json(products)
        let items = array(document["products"])
        let custom = try #require(items.first { $0["show_type"] == "not purchasable (custom only)" })
        #expect(custom["purchasable"] == false)
        // Stock is counted for two products only (the simulator's Tokyo pool, 6 left, and the sold-out Seoul pool).
        let counted = items.filter { $0["stock_unlimited"] == false }
        #expect(counted.compactMap { $0["remaining_stock"] } == [6, 0])
        // Purchasable means stock left where stock is counted: the sold-out pool is not, the other is.
        #expect(counted.map { $0["purchasable"] } == [true, false])
        #expect(items.count - counted.count == items.filter { $0["stock_unlimited"] == true }.count)
        #expect(!array(document["payment_groups"]).isEmpty && document["recharge_gift_ratios"] != nil)
        #expect(array(document["errors"]).isEmpty)
        let productsText = try await runBinary(["snapshot", "--demo", "--pane", "products"])
        #expect(productsText.stdout.contains("custom only") && productsText.stdout.contains("payment methods:"))
        let productsCSV = try await runBinary(["snapshot", "--demo", "--format", "csv", "--pane", "products"])
        #expect(productsCSV.stdout.hasPrefix("ID,TITLE,TYPE,PRICE,CURRENCY,DAYS,SALE,STOCK,TRAFFIC,SKUS\r\n"))

        let regions = try await runBinary(["snapshot", "--demo", "--format", "json", "--pane", "regions"])
        #expect(regions.status == 0, "\(regions.stderr)")
        let r = try json(regions)["regions"]
        for member in ["dynamic_states", "dynamic_cities", "static_ip_stock", "host_pool"] {
            let items = array(r?[member])
            #expect(!items.isEmpty, "\(member)")
        }
        #expect(r?["account"] == nil && r?["search"] == nil)
        let csv = try await runBinary(["snapshot", "--demo", "--format", "csv", "--pane", "regions"])
        #expect(csv.stdout.hasPrefix("SOURCE,COUNTRY,STATE,CITY,COUNT\r\n"))
        #expect(csv.stdout.contains("dynamic-citys,") && csv.stdout.contains("host-pool,"))
    }

    @Test func regionsForOneAccountAndASearch() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let username = try #require(try await client.accounts().first?.username)
            let result = try await runBinary(
                [
                    "snapshot", "--base-url", simulator.baseURL.absoluteString, "--format", "json", "--pane", "regions",
                    "--username", username, "--country", "US", "--state", "california",
                ], environment: ["PROXYLITE_APP_KEY": testKey])
            #expect(result.status == 0, "\(result.stderr)")
            let r = try json(result)["regions"]
            #expect(r?["account"]?["username"] == .string(username))
            for member in ["cities", "states", "areas"] { #expect(r?["account"]?[member]?["list"] != nil, "\(member)") }
            let states = array(r?["search"]?["states"])
            let cities = array(r?["search"]?["cities"])
            #expect(states.contains("california") && cities.contains("Los Angeles"))
            let text = try await runBinary(
                [
                    "snapshot", "--base-url", simulator.baseURL.absoluteString, "--pane", "regions", "--country", "US",
                    "--state", "texas",
                ], environment: ["PROXYLITE_APP_KEY": testKey])
            #expect(text.stdout.contains("dynamic-citys/search") && text.stdout.contains("Houston"))
            #expect(!text.stdout.contains(testKey) && !result.stdout.contains(testKey))
        }
        // Per-account and search options belong to the regions pane: `all` never fans out.
        let all = try await runBinary(["snapshot", "--demo", "--username", "shop1"])
        #expect(all.status == 2 && all.stderr.contains("--pane regions"))
        let state = try await runBinary(["snapshot", "--demo", "--pane", "regions", "--state", "texas"])
        #expect(state.status == 2 && state.stderr.contains("--country"))
    }

    @Test func allPrintsWhatItGotAndNamesWhatFailed() async throws {
        var world = testWorld()
        world.accountNotVerified = true  // the code-200 endpoints answer 156; orders and products still work
        try await withSimulator(world) { simulator, _ in
            let result = try await runBinary(
                ["snapshot", "--base-url", simulator.baseURL.absoluteString, "--format", "json"],
                environment: ["PROXYLITE_APP_KEY": testKey])
            #expect(result.status == 4, "\(result.stderr)")
            let document = try json(result)
            #expect(!array(document["orders"]).isEmpty && !array(document["products"]).isEmpty)
            #expect(document["accounts"] == nil)
            let errors = array(document["errors"])
            let panes = Set(
                errors.compactMap { error -> String? in
                    if case .string(let pane) = error["pane"] { return pane }
                    return nil
                })
            #expect(panes.isSuperset(of: ["accounts", "flow"]))
            #expect(errors.allSatisfy { $0["error"] != nil })
            #expect(result.stderr.contains("accounts:") && result.stderr.contains("flow:"))
            #expect(!result.stdout.contains(testKey) && !result.stderr.contains(testKey))
            let text = try await runBinary(
                ["snapshot", "--base-url", simulator.baseURL.absoluteString], environment: ["PROXYLITE_APP_KEY": testKey])
            #expect(text.status == 4)
            #expect(text.stdout.contains("== Orders") && text.stdout.contains("!! accounts failed"))
        }
    }
}
