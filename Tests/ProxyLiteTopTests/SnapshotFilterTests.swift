import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

/// `snapshot`'s server-side filters, run as the built binary against the simulator: each one
/// narrows the pane's list as the provider answers it, in text, JSON and CSV alike, and an option
/// given with a pane it does not filter is refused (exit 2).
@Suite struct SnapshotFilterTests {
    func json(_ result: RunResult) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
    }

    func array(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let items) = value { return items }
        return []
    }

    func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    func snapshot(_ simulator: Simulator, _ arguments: [String]) async throws -> RunResult {
        try await runBinary(
            ["snapshot", "--base-url", simulator.baseURL.absoluteString] + arguments, environment: ["PROXYLITE_APP_KEY": testKey])
    }

    @Test func ordersByEveryFilterInJSONTextAndCSV() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let all = try await client.allOrders()
            let paid = try await snapshot(
                simulator, ["--format", "json", "--pane", "orders", "--status", "paid", "--pay-fee-status", "overpaid"])
            #expect(paid.status == 0, "\(paid.stderr)")
            let document = try json(paid)
            let rows = array(document["orders"])
            #expect(!rows.isEmpty && rows.count == all.filter { $0.status == .paid && $0.payFeeStatus == .overpaid }.count)
            #expect(rows.allSatisfy { $0["status"] == "paid" && $0["pay_fee_status"] == "overpaid" })
            #expect(document["query"]?["pane"] == "orders")
            #expect(document["query"]?["filters"]?["status"] == "paid")
            #expect(document["query"]?["filters"]?["pay-fee-status"] == "overpaid")

            let invoiced = try await snapshot(simulator, ["--format", "csv", "--pane", "orders", "--invoice", "invoiced"])
            let records = invoiced.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.dropFirst()
            #expect(records.count == all.filter { $0.invoice != nil }.count && !records.isEmpty)

            let one = all[3]
            let type = try #require(one.productType)
            let text = try await snapshot(simulator, ["--pane", "orders", "--trade-no", one.tradeNo, "--type", String(type.code)])
            #expect(text.status == 0, "\(text.stderr)")
            #expect(text.stdout.contains("server-side filter on orders: --type \(type.code) --trade-no \(one.tradeNo)"))
            #expect(text.stdout.contains("== Orders (1) =="))

            // Days in the provider's zone (UTC+8), the last one included.
            let created = try #require(one.createdAt)
            let day = APIDate.providerString(created, offset: 8 * 3600, dateOnly: true)
            let start = try #require(try APIDate.parse(day, providerOffset: 8 * 3600))
            let sameDay = all.filter {
                ($0.createdAt ?? .distantPast) >= start && ($0.createdAt ?? .distantPast) < start.addingTimeInterval(86_400)
            }
            let byDay = try await snapshot(simulator, ["--format", "json", "--pane", "orders", "--from", day, "--to", day])
            #expect(Set(array(try json(byDay)["orders"]).compactMap { string($0["trade_no"]) }) == Set(sameDay.map(\.tradeNo)))
        }
    }

    @Test func staticIPsByCountryTypeStatusAndTradeNumber() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let all = try await client.allStaticIPs()
            try await checkStaticIPs(simulator, all)
        }
    }

    func checkStaticIPs(_ simulator: Simulator, _ all: [StaticIP]) async throws {
        let one = try #require(all.first { $0.status == .valid && $0.tradeNo != nil })
        let tradeNo = try #require(one.tradeNo)
        let type = one.productType == .staticDatacenterIP ? "datacenter" : "residential"
        let arguments = [
            "--format", "json", "--pane", "static-ips", "--country", one.countryCode.lowercased(), "--ip-type", type,
            "--ip-status", "valid",
        ]
        let result = try await snapshot(simulator, arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let ips: [String] = array(try json(result)["static_ips"]).compactMap { string($0["ip"]) }
        let expected: [StaticIP] = all.filter { ip in
            ip.countryCode == one.countryCode && ip.productType == one.productType && ip.status == .valid
        }
        #expect(ips.count == expected.count)
        #expect(ips.contains(one.ip))
        let byTrade = try await snapshot(simulator, ["--format", "csv", "--pane", "static-ips", "--trade-no", tradeNo])
        let records: [String] = byTrade.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let sameTrade: Int = all.filter { $0.tradeNo == tradeNo }.count
        #expect(byTrade.stdout.contains(one.ip))
        #expect(records.count - 1 == sameTrade)
    }

    @Test func packagesByTypeAndTradeNumberAndFlowByTypeOverDays() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let all = try await client.allPackages()
            let typed = try await snapshot(simulator, ["--format", "json", "--pane", "packages", "--type", "12"])
            let rows = array(try json(typed)["packages"])
            #expect(!rows.isEmpty && rows.count == all.filter { $0.productType == ProductType(12) }.count)
            #expect(rows.allSatisfy { $0["product_type"]?["code"] == 12 })
            let one = try #require(all.first)
            let byTrade = try await snapshot(simulator, ["--format", "json", "--pane", "packages", "--trade-no", one.tradeNo])
            #expect(array(try json(byTrade)["packages"]).map { $0["id"] } == [.integer(Int64(one.id))])

            let flow = try await snapshot(
                simulator, ["--format", "json", "--pane", "flow", "--type", "14", "--from", "2026-03-01", "--to", "2026-03-10"])
            #expect(flow.status == 0, "\(flow.stderr)")
            let days = array(try json(flow)["flow"])
            #expect(days.map { string($0["day"]) ?? "" } == (1...10).map { String(format: "2026-03-%02d", $0) })
            let start = try #require(try APIDate.parse("2026-03-01", providerOffset: 8 * 3600))
            let expected = try await client.dailyFlow(
                FlowFilter(start: start, end: start.addingTimeInterval(10 * 86_400 - 1), productType: .staticDatacenterIP))
            #expect(days.map { $0["bytes"] } == expected.map { .integer($0.bytes) })
        }
    }

    @Test func aFilterWithAPaneItDoesNotFilterIsRefused() async throws {
        let cases: [([String], String)] = [
            (["--pane", "accounts", "--status", "paid"], "--status filters --pane orders, not --pane accounts"),
            (["--pane", "all", "--type", "9"], "--type filters --pane flow or orders or packages"),
            (["--pane", "packages", "--ip-status", "valid"], "--ip-status filters --pane static-ips"),
            (["--pane", "orders", "--from", "2026-02-30"], "--from takes a day as YYYY-MM-DD"),
            (["--pane", "flow", "--from", "2026-11-29", "--to", "2026-11-01"], "before the start day"),
            (["--pane", "orders", "--status", "shipped"], "--status takes unpaid, paid, cancelled, refunded"),
            (["--pane", "static-ips", "--country", "USA"], "two-letter country code"),
            (["--pane", "orders", "--country", "US"], "--country goes with --pane regions"),
        ]
        for (arguments, message) in cases {
            let result = try await runBinary(["snapshot", "--demo"] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            // The usage that follows is on lines of its own, not run together as `\u{A}`.
            #expect(result.stderr.contains("\nUsage: ") && !result.stderr.contains(#"\u{A}"#), "\(arguments): \(result.stderr)")
        }
    }
}
