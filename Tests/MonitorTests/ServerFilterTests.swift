import Foundation
import Monitor
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

/// Each server-side filter of order/list, ip/get-static-ip, user-product/list and
/// user-usage-flow/total, over real HTTP: the provider's answer is exactly the rows of the whole
/// list that match, and a value outside the reference's table is refused naming its field.
@Suite struct ServerFilterTests {
    /// The simulator's provider zone (UTC+8): bounds are read there, not in the test host's zone.
    let offset = 8 * 3600

    func refused(_ field: String, _ call: () async throws -> Void) async {
        let error = await #expect(throws: ProxyLiteError.self) { try await call() }
        #expect(error?.code == .badParameters)
        #expect(error?.fieldErrors[field] != nil, "the refusal names \(field)")
    }

    /// A raw GET, for values the typed client cannot even spell.
    func rawRefusal(_ simulator: Simulator, _ path: String, _ query: String, field: String) async throws {
        let answer = try await fetch("\(simulator.baseURL.absoluteString)/end-point/\(path)?app_key=\(testKey)&\(query)")
        #expect(answer.status == 400, "\(path)?\(query)")
        #expect(answer.text.contains("\"\(field)\""), "the refusal names \(field)")
    }

    func orders(_ client: ProxyLiteClient, _ query: OrderQuery) async throws -> [Order] {
        guard case .orders(let rows) = try await ServerQuery.orders(query).run(client) else {
            Issue.record("an orders query answered another kind of list")
            return []
        }
        return rows
    }

    @Test func ordersByStatusTypeTradeNumberInvoiceAndPayFee() async throws {
        try await withSimulator(testWorld()) { _, client in
            let all = try await client.allOrders()
            for status in [OrderStatus.unpaid, .paid, .cancelled, .refunded] {
                let rows = try await orders(client, OrderQuery(status: status))
                #expect(Set(rows.map(\.tradeNo)) == Set(all.filter { $0.status == status }.map(\.tradeNo)), "\(status)")
            }
            let type = try #require(all.compactMap(\.productType).first)
            let byType = try await orders(client, OrderQuery(productType: type))
            #expect(!byType.isEmpty && byType.count == all.filter { $0.productType == type }.count)
            #expect(byType.allSatisfy { $0.productType == type })
            let one = all[all.count / 2]
            #expect(try await orders(client, OrderQuery(tradeNo: one.tradeNo)).map(\.tradeNo) == [one.tradeNo])
            #expect(try await orders(client, OrderQuery(tradeNo: String(one.tradeNo.dropLast()))).isEmpty, "no partial match")

            let invoiced = try await orders(client, OrderQuery(invoice: .invoiced))
            let notInvoiced = try await orders(client, OrderQuery(invoice: .notInvoiced))
            #expect(!invoiced.isEmpty && !notInvoiced.isEmpty)
            #expect(invoiced.allSatisfy { $0.invoice != nil } && notInvoiced.allSatisfy { $0.invoice == nil })
            #expect(invoiced.count + notInvoiced.count == all.count)
            #expect(try await orders(client, OrderQuery(invoice: .any)).count == all.count)

            for fee in [PayFeeStatus.overpaid, .underpaid] {
                let rows = try await orders(client, OrderQuery(payFeeStatus: fee))
                #expect(!rows.isEmpty && rows.allSatisfy { $0.payFeeStatus == fee }, "\(fee)")
                #expect(rows.count == all.filter { $0.payFeeStatus == fee }.count)
            }
        }
    }

    @Test func ordersByDaysInTheProvidersZone() async throws {
        try await withSimulator(testWorld()) { _, client in
            let all = try await client.allOrders()
            let middle = try #require(
                all.sorted { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }[all.count / 2].createdAt)
            let first = ProviderDay(middle.addingTimeInterval(-40 * 86_400), offset: offset)
            let last = ProviderDay(middle, offset: offset)
            let rows = try await orders(client, OrderQuery(days: DayRange(from: first, to: last)))
            // From the first day's midnight in UTC+8 to the midnight after the last day, that day included.
            let start = first.start(offset: offset)
            let end = last.end(offset: offset)
            #expect(APIDate.providerString(start, offset: offset) == "\(first) 00:00:00")
            let expected = all.filter { ($0.createdAt ?? .distantPast) >= start && ($0.createdAt ?? .distantPast) < end }
            #expect(!rows.isEmpty && Set(rows.map(\.tradeNo)) == Set(expected.map(\.tradeNo)))
            #expect(rows.contains { $0.tradeNo == all.first { $0.createdAt == middle }?.tradeNo }, "the last day counts whole")
            let fromOnly = try await orders(client, OrderQuery(days: DayRange(from: last)))
            #expect(fromOnly.count == all.filter { ($0.createdAt ?? .distantPast) >= last.start(offset: offset) }.count)
        }
    }

    @Test func ordersRefuseValuesOutsideTheReferenceTables() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            await refused("status") { _ = try await client.orders(page: 1, filter: OrderFilter(status: .other(7))) }
            await refused("product_type") { _ = try await client.orders(page: 1, filter: OrderFilter(productType: ProductType(99))) }
            // pay_fee_status filters on 1 and 2 only; 0 (normal) is not a filter value.
            await refused("pay_fee_status") { _ = try await client.orders(page: 1, filter: OrderFilter(payFeeStatus: .normal)) }
            try await rawRefusal(simulator, "order/list", "invoice=2", field: "invoice")
            try await rawRefusal(simulator, "order/list", "start_time=2026-11-31%2000:00:00", field: "start_time")
        }
    }

    @Test func staticIPsByCountryTypeStatusAndTradeNumber() async throws {
        try await withSimulator(testWorld()) { _, client in
            let all = try await client.allStaticIPs()
            let country = try #require(all.first?.countryCode)
            let byCountry = try await client.allStaticIPs(filter: StaticIPFilter(countryCode: country))
            #expect(byCountry.count == all.filter { $0.countryCode == country }.count && byCountry.allSatisfy { $0.countryCode == country })
            for type in [ProductType.staticDatacenterIP, .staticResidentialIP] {
                let rows = try await client.allStaticIPs(filter: StaticIPFilter(productType: type))
                #expect(!rows.isEmpty && rows.count == all.filter { $0.productType == type }.count)
            }
            for status in [StaticIPStatus.valid, .invalid, .expiringSoon, .maintenance] {
                let rows = try await client.allStaticIPs(filter: StaticIPFilter(status: status))
                #expect(rows.count == all.filter { $0.status == status }.count && rows.allSatisfy { $0.status == status }, "\(status)")
            }
            let one = try #require(all.last)
            let byTrade = try await client.allStaticIPs(filter: StaticIPFilter(tradeNo: one.tradeNo))
            #expect(byTrade.map(\.ip).contains(one.ip) && byTrade.allSatisfy { $0.tradeNo == one.tradeNo })
            await refused("status") { _ = try await client.staticIPs(page: 1, filter: StaticIPFilter(status: .other(5))) }
            await refused("product_type") { _ = try await client.staticIPs(page: 1, filter: StaticIPFilter(productType: ProductType(9))) }
        }
    }

    @Test func packagesByTypeAndTradeNumber() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let all = try await client.allPackages()
            for code in [9, 12] {
                let rows = try await client.allPackages(filter: PackageFilter(productType: ProductType(code)), size: 3)
                #expect(!rows.isEmpty && rows.count == all.filter { $0.productType == ProductType(code) }.count, "type \(code)")
            }
            #expect(try await client.allPackages(filter: PackageFilter(productType: .staticDatacenterIP)).isEmpty)
            let one = try #require(all.first)
            #expect(try await client.allPackages(filter: PackageFilter(tradeNo: one.tradeNo)).map(\.id) == [one.id])
            try await rawRefusal(simulator, "user-product/list", "product_type=nine", field: "product_type")
        }
    }

    @Test func flowByProductTypeOverCustomDays() async throws {
        try await withSimulator(testWorld()) { _, client in
            let today = ProviderDay(Date(), offset: offset)
            let from = ProviderDay(Date().addingTimeInterval(-20 * 86_400), offset: offset)
            let to = ProviderDay(Date().addingTimeInterval(-11 * 86_400), offset: offset)
            let days = DayRange(from: from, to: to)
            guard case .flow(let whole) = try await ServerQuery.flow(FlowQuery(days: days)).run(client) else {
                Issue.record("a flow query answered another kind of list")
                return
            }
            // Exactly the days asked for, each whole, none after the last.
            #expect(
                whole.map(\.day)
                    == (0..<10).map {
                        ProviderDay(from.start(offset: offset).addingTimeInterval(Double($0) * 86_400), offset: offset).description
                    })
            #expect(whole.allSatisfy { $0.day != today.description })
            var byType: [Int64] = Array(repeating: 0, count: whole.count)
            for type in ProductType.accountTypes {
                guard case .flow(let rows) = try await ServerQuery.flow(FlowQuery(productType: type, days: days)).run(client) else {
                    Issue.record("a flow query by type answered another kind of list")
                    return
                }
                #expect(rows.count == whole.count)
                for (i, row) in rows.enumerated() { byType[i] += row.bytes }
            }
            // Every account has one of the four types: the four answers add up to the whole.
            #expect(byType == whole.map(\.bytes))
            #expect(whole.contains { $0.bytes > 0 })
            // Only an end day: the seven days that end on it, whatever today is.
            let onlyTo = DayRange(to: to)
            guard case .flow(let lastSeven) = try await ServerQuery.flow(FlowQuery(days: onlyTo)).run(client) else {
                Issue.record("a flow query answered another kind of list")
                return
            }
            #expect(lastSeven.map(\.day) == Array(whole.map(\.day).suffix(7)))
            await refused("start_time") {
                _ = try await client.dailyFlow(FlowFilter(start: to.start(offset: offset), end: from.start(offset: offset)))
            }
        }
    }

    @Test func aQueryRunsInReadOnlyModeAndLeavesThePolledListAlone() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: true) { _ in }
            let all = try await client.allOrders()
            await store.apply(.orders(all), at: Date())
            let runner = CommandRunner(client: client, store: store, readOnly: true)
            let outcome = await runner.run(.query(.orders(OrderQuery(status: .unpaid))), id: 1)
            guard case .done(.query(.orders(let rows))) = outcome else {
                Issue.record("a query is a read: \(outcome)")
                return
            }
            #expect(!rows.isEmpty && rows.allSatisfy { $0.status == .unpaid })
            #expect(await store.current.orders.value?.count == all.count, "the polled list is not the answer")
            #expect(await store.current.replies.count == 1)
        }
    }

    @Test func daysAreRealDaysWrittenAsTheProviderWritesThem() {
        #expect(ProviderDay("2026-11-29")?.description == "2026-11-29")
        for bad in ["2026-02-30", "2026-13-01", "26-11-29", "2026-1-09", "2026-11-29 ", "２026-11-29", "2026/11/29", ""] {
            #expect(ProviderDay(bad) == nil, "\(bad)")
        }
        let day = ProviderDay("2026-11-29")!
        // Midnight in UTC+8 is 16:00 UTC the day before.
        #expect(APIDate.isoString(day.start(offset: 8 * 3600)) == "2026-11-28T16:00:00Z")
        let flow = FlowQuery(days: DayRange(from: day, to: day)).filter(offset: 8 * 3600)
        #expect(flow.end.map { APIDate.providerString($0, offset: 8 * 3600) } == "2026-11-29 23:59:59")
        let order = OrderQuery(days: DayRange(from: day, to: day)).filter(offset: 8 * 3600)
        #expect(order.end.map { APIDate.providerString($0, offset: 8 * 3600) } == "2026-11-30 00:00:00")
        #expect(DayRange(from: ProviderDay("2026-11-29"), to: ProviderDay("2026-11-01")).problem != nil)
    }
}
