import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

/// The reference, point by point: product-type tables per endpoint, order and product fields,
/// the flow range, and the input rules of each endpoint (over HTTP against the simulator).
@Suite struct ReferenceRulesTests {
    @Test func eachEndpointReadsItsOwnProductTypeTable() {
        // user-product/list uses the account table (ref:987): 11 is a dynamic residential IP package.
        let package = Fixtures.decode(PurchasedPackage.self, #"{"id":1,"product_type":11}"#)
        #expect(package.typeLabel == "Dynamic residential IP")
        let residential = Fixtures.decode(PurchasedPackage.self, #"{"id":2,"product_type":25}"#)
        #expect(residential.typeLabel == "Static residential IP")
        // ip/get-static-ip (ref:1437) and the summary filter (ref:1016).
        #expect(ProductType(25).label(in: StaticIP.productTypeSection) == "Static residential IP")
        #expect(ProductType(14).label(in: StaticIP.productTypeSection) == "Datacenter IP")
        #expect(ProductType(12).label(in: PackageSummary.productTypeSection) == "Long-term IDC traffic")
        #expect(ProductType(9).label(in: .summary) == "Dynamic traffic")
        // 20 means different things to /product and to order/list.
        #expect(ProductType(20).label(in: .product) == "Static IP change eligibility")
        #expect(ProductType(20).label(in: .order) == "Static IP change quota")
        // A code missing from its table shows its number.
        #expect(ProductType(12).label(in: .account) == "type 12")
        #expect(ProductType(11).label(in: .staticIP) == "type 11")
    }

    @Test func anOrderWithoutStatusOrTypeIsUnknown() {
        let order = Fixtures.decode(Order.self, #"{"id":1,"trade_no":"T1","title":"x","pay_fee":1}"#)
        #expect(order.status == nil && !order.isUnpaid && order.statusText == "unknown")
        #expect(order.productType == nil && order.typeLabel == "unknown")
        #expect(order.payFeeStatus == nil && order.refundText == "")
        let refunded = Fixtures.decode(
            Order.self, #"{"trade_no":"T2","status":3,"product_type":0,"refund_fee":12.5,"pay_fee_status":2}"#)
        #expect(refunded.status == .refunded && refunded.productType == ProductType(0))
        #expect(refunded.payFeeStatus == .underpaid && refunded.refundText == "12.50")
        let overpaid = Fixtures.decode(Order.self, #"{"trade_no":"T3","status":1,"pay_fee_status":1}"#)
        #expect(overpaid.payFeeStatus == .overpaid && overpaid.payFeeText == "overpaid")
    }

    @Test func productShowTypeStatusAndStock() {
        let custom = Fixtures.decode(
            Product.self, #"{"id":1,"type":19,"show_type":3,"status":1,"total_count":0,"remain_count":0}"#)
        #expect(custom.showType == .notPurchasable && custom.onSale == true)
        #expect(!custom.isPurchasable && custom.saleText == "custom only")
        #expect(custom.stockText == "unlimited")
        let silent = Fixtures.decode(Product.self, #"{"id":2,"type":9,"total_count":100,"remain_count":7}"#)
        #expect(silent.onSale == nil && silent.showType == nil && silent.saleText == "unknown" && !silent.isPurchasable)
        #expect(silent.stockText == "7 of 100")
    }

    @Test func payFeeStatusAndRefundsArriveOverHTTP() async throws {
        try await withSimulator(testWorld()) { _, client in
            let orders = try await client.allOrders()
            #expect(orders.contains { $0.payFeeStatus == .overpaid })
            #expect(orders.contains { $0.payFeeStatus == .underpaid })
            #expect(orders.allSatisfy { $0.payFeeStatus != nil && $0.status != nil })
            #expect(orders.filter { $0.status == .refunded }.allSatisfy { $0.refundFee > 0 && $0.refundText != "" })
        }
    }

    @Test func flowRangeStartsAtTheProvidersMidnight() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15 08:00 UTC = 16:00 UTC+8
        let range = FlowRange.lastDays(3, endingAt: now, providerOffset: 8 * 3600)
        #expect(range.end == now)
        #expect(APIDate.providerString(range.start, offset: 8 * 3600) == "2027-01-13 00:00:00")
    }

    @Test func theSimulatorCountsOnlyTheRequestedPartOfADay() async throws {
        try await withSimulator(testWorld()) { _, client in
            let range = client.flowRange(lastDays: 3)
            let whole = try await client.dailyFlow(range)
            let alone = try await client.dailyFlow(from: range.start, to: range.start.addingTimeInterval(86_399))
            #expect(whole.count == 3)
            #expect(alone.first?.bytes == whole.first?.bytes)
            let firstDay = try #require(whole.first?.bytes)
            try #require(firstDay > 0)
            // From noon on: half of the first day, a whole day unchanged (today moves on with the clock).
            let half = try await client.dailyFlow(from: range.start.addingTimeInterval(43_200), to: range.end)
            let share = Double(try #require(half.first?.bytes)) / Double(firstDay)
            #expect(share > 0.45 && share < 0.55, "share \(share)")
            #expect(half.count == 3 && half[1] == whole[1])
        }
    }

    @Test func eachEndpointChecksItsOwnDocumentedRules() async throws {
        try await withSimulator(testWorld()) { _, client in
            // whitelist-account/add: letters and digits, no length rule, no remark rule.
            let long = String(repeating: "代", count: 40)
            try await client.addAccounts([NewAccount(username: "short1", password: "ab1")], remark: long, productType: 9)
            let added = try #require(try await client.accounts().first { $0.username == "short1" })
            #expect(added.remark == long)
            // change-password: no length rule either.
            try await client.changePassword(account: "short1", to: "x")
            // proxy-account/change: 6–16, and its remark has no documented limit.
            await #expect(throws: ProxyLiteError.self) {
                try await client.changeAccount("short1", AccountChange(password: "abc12"))
            }
            try await client.changeAccount("short1", AccountChange(remark: long + long))
            // change-remark: 32 CJK or 64 others; a non-CJK letter or an emoji counts one.
            try await client.changeRemark(account: "short1", to: String(repeating: "é", count: 64))
            try await client.changeRemark(account: "short1", to: String(repeating: "👍", count: 64))
            await #expect(throws: ProxyLiteError.self) {
                try await client.changeRemark(account: "short1", to: String(repeating: "é", count: 65))
            }
            await #expect(throws: ProxyLiteError.self) { try await client.changeRemark(account: "short1", to: long) }
            // Limits: at most 102400 GB.
            await #expect(throws: ProxyLiteError.self) { try await client.changeLimit(account: "short1", gigabytes: 102_401) }
        }
    }

    @Test func clientAndSimulatorCountRemarksAlike() {
        #expect(InputRules.remarkUnits("代理") == 4)
        #expect(InputRules.remarkUnits("proxy") == 5)
        #expect(InputRules.remarkUnits("é👍") == 2)
        #expect(InputRules.remarkUnits("カナ한") == 6)
    }
}
