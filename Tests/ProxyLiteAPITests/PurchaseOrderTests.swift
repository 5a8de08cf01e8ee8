import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

/// Buying and package renewal over real HTTP: order/check prices the body order/create then
/// takes, and the simulator refuses what the reference rules out, in its code-400 shape.
@Suite struct PurchaseOrderTests {
    func product(_ client: ProxyLiteClient, id: Int) async throws -> Product {
        try #require(try await client.products().first { $0.id == id })
    }

    @Test func aQuantityIsPricedThenBoughtAndListedWithItsTradeNumber() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let product = try #require(try await client.products(type: 9).first(where: \.canBeOrdered))
            let request = OrderRequest(productID: product.id, paymentMethodID: 2, amount: 3)
            let before = try await client.allOrders().count
            let quote = try await client.checkOrder(request)
            #expect(quote.amount == 3)
            #expect(abs(quote.payFee - 3 * (product.priceUSD ?? 0)) < 0.01)
            #expect(try await client.allOrders().count == before)
            let order = try await client.createOrder(request)
            #expect(order.amount == 3 && order.status == .unpaid && abs(order.payFee - quote.payFee) < 0.01)
            let listed = try await client.allOrders(filter: OrderFilter(tradeNo: order.tradeNo))
            #expect(listed.map(\.tradeNo) == [order.tradeNo])
            #expect(simulator.requestCounts["order/check"] == 1 && simulator.requestCounts["order/create"] == 1)
        }
    }

    @Test func aCouponTakesItsShareOffThePriceToPay() async throws {
        try await withSimulator(testWorld()) { _, client in
            let quote = try await client.checkOrder(OrderRequest(productID: 102, paymentMethodID: 2, couponCode: "WELCOME10"))
            #expect(abs(quote.totalFee - 120) < 0.01 && abs(quote.discountFee - 12) < 0.01 && abs(quote.payFee - 108) < 0.01)
            let error = await #expect(throws: ProxyLiteError.self) {
                try await client.checkOrder(OrderRequest(productID: 102, paymentMethodID: 2, couponCode: "NOSUCH"))
            }
            #expect(error?.fieldErrors["coupon_sn"]?.first?.contains("NOSUCH") == true)
        }
    }

    @Test func staticIPRegionsCountAsTheQuantityAndStockIsChecked() async throws {
        try await withSimulator(testWorld()) { _, client in
            let quote = try await client.checkOrder(OrderRequest(productID: 114, paymentMethodID: 2, regionList: "JP,3,333|DE,2"))
            #expect(quote.amount == 5 && abs(quote.payFee - 15) < 0.01)
            // 127 counts its stock: 6 left.
            let tokyo = try await product(client, id: 127)
            #expect(tokyo.remainingStock == 6 && tokyo.canBeOrdered)
            #expect(try await client.checkOrder(OrderRequest(productID: 127, paymentMethodID: 2, regionList: "JP,6")).amount == 6)
            let error = await #expect(throws: ProxyLiteError.self) {
                try await client.checkOrder(OrderRequest(productID: 127, paymentMethodID: 2, regionList: "JP,7"))
            }
            #expect(error?.code == .badParameters && error?.fieldErrors["amount"]?.first?.contains("库存不足") == true)
            let malformed = await #expect(throws: ProxyLiteError.self) {
                try await client.checkOrder(OrderRequest(productID: 114, paymentMethodID: 2, regionList: "JP;3"))
            }
            #expect(malformed?.fieldErrors["region_list"] != nil)
        }
    }

    @Test func typeElevenNeedsKnownVariantsAndAMultiplierRaisesThePrice() async throws {
        try await withSimulator(testWorld()) { _, client in
            let unlimited = try #require(try await client.products(type: 11).first)
            let skus = (unlimited.bandwidthSKUs[0], unlimited.concurrencySKUs[1], unlimited.durationSKUs[2])
            var request = OrderRequest(
                productID: unlimited.id, paymentMethodID: 2, bandwidthSKU: skus.0.id, concurrencySKU: skus.1.id, durationSKU: skus.2.id)
            let base = try await client.checkOrder(request)
            let sum = [skus.0, skus.1, skus.2].compactMap(\.priceUSD).reduce(0, +)
            #expect(abs(base.payFee - sum) < 0.01)
            request.durationMultiplier = 2
            let doubled = try await client.checkOrder(request)
            #expect(abs(doubled.payFee - sum * (1 + (unlimited.durationPriceRate ?? 0))) < 0.01)
            request.durationSKU = 999
            let unknown = await #expect(throws: ProxyLiteError.self) { try await client.checkOrder(request) }
            #expect(unknown?.fieldErrors["product_sku_duration_id"]?.first?.contains("999") == true)
            let missing = await #expect(throws: ProxyLiteError.self) {
                try await client.checkOrder(OrderRequest(productID: unlimited.id, paymentMethodID: 2))
            }
            #expect(missing?.code == .badParameters && missing?.fieldErrors.isEmpty == false)
        }
    }

    @Test func aTopUpIsItsAmountWithinTheMethodsBoundsAndNotFromTheBalance() async throws {
        try await withSimulator(testWorld()) { _, client in
            let topUp = try #require(try await client.products(type: 3).first)
            #expect(try await client.checkOrder(OrderRequest(productID: topUp.id, paymentMethodID: 2, rechargeAmount: 50)).payFee == 50)
            let card = try #require(try await client.paymentGroups().flatMap(\.methods).first { $0.id == 2 })
            #expect(card.accepts(50) && !card.accepts(6_000) && !card.accepts(1))
            let tooMuch = await #expect(throws: ProxyLiteError.self) {
                try await client.checkOrder(OrderRequest(productID: topUp.id, paymentMethodID: 2, rechargeAmount: 6_000))
            }
            #expect(tooMuch?.fieldErrors["pm_id"]?.first?.contains("5000.00") == true)
            let fromBalance = await #expect(throws: ProxyLiteError.self) {
                try await client.checkOrder(OrderRequest(productID: topUp.id, paymentMethodID: 1, rechargeAmount: 50))
            }
            #expect(fromBalance?.fieldErrors["pm_id"] != nil)
        }
    }

    @Test func whatCannotBeBoughtIsRefusedNamingTheField() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let products = try await client.products()
            // What the client reads agrees with what the simulator refuses.
            #expect(products.first { $0.id == 118 }?.canBeOrdered == false)  // show_type 3
            #expect(products.first { $0.id == 104 }?.canBeOrdered == false)  // status 0
            #expect(products.first { $0.id == 128 }?.canBeOrdered == false)  // sold out
            for (pid, words) in [(118, "不可购买"), (104, "下架"), (128, "库存不足")] {
                let error = await #expect(throws: ProxyLiteError.self) {
                    try await client.createOrder(OrderRequest(productID: pid, paymentMethodID: 2, regionList: pid == 128 ? "KR,1" : nil))
                }
                #expect(error?.code == .badParameters, "\(pid)")
                #expect(error?.detail.contains(words) == true, "\(pid): \(error?.detail ?? "")")
            }
            let disabled = await #expect(throws: ProxyLiteError.self) {
                try await client.createOrder(OrderRequest(productID: 101, paymentMethodID: 6))
            }
            #expect(disabled?.detail.contains("已停用") == true)
            // One datacenter IP costs 3.00; cards take from 5.00.
            let tooLittle = await #expect(throws: ProxyLiteError.self) {
                try await client.createOrder(OrderRequest(productID: 114, paymentMethodID: 2, regionList: "US,1"))
            }
            #expect(tooLittle?.fieldErrors["pm_id"]?.first?.contains("5.00") == true)
            #expect(try await client.allOrders().count == 30)
            #expect(simulator.requestCounts["order/create"] == 5)
        }
    }
}

/// Renewing a purchased package: its id from user-product/list as `upids`, a product of its type as `pid`.
@Suite struct PackageRenewalOrderTests {
    @Test func aPackageRenewsWithAProductOfItsType() async throws {
        try await withSimulator(testWorld()) { _, client in
            let packages = try await client.allPackages()
            let package = try #require(packages.first { $0.productType.code == 9 })
            let product = try #require(try await client.products(type: 9).first(where: \.canBeOrdered))
            let request = OrderRequest(productID: product.id, paymentMethodID: 2, renewIDs: [package.id])
            let quote = try await client.checkOrder(request)
            #expect(quote.amount == 1 && abs(quote.payFee - (product.priceUSD ?? 0)) < 0.01)
            let order = try await client.createOrder(request)
            #expect(try await client.allOrders(filter: OrderFilter(tradeNo: order.tradeNo)).count == 1)
            let unknown = await #expect(throws: ProxyLiteError.self) {
                try await client.checkOrder(OrderRequest(productID: product.id, paymentMethodID: 2, renewIDs: [987_654]))
            }
            #expect(unknown?.fieldErrors["upids"]?.first?.contains("987654") == true)
            if let other = packages.first(where: { $0.productType.code != 9 }) {
                let mismatch = await #expect(throws: ProxyLiteError.self) {
                    try await client.checkOrder(OrderRequest(productID: product.id, paymentMethodID: 2, renewIDs: [other.id]))
                }
                #expect(mismatch?.fieldErrors["upids"] != nil)
            }
        }
    }

    @Test func theBalanceMayChargeAtOnceAndTheOrderSaysSo() async throws {
        var world = testWorld()
        world.balanceChargesAtOnce = true
        try await withSimulator(world) { _, client in
            let fromBalance = try await client.createOrder(OrderRequest(productID: 101, paymentMethodID: 1))
            #expect(fromBalance.status == .paid && fromBalance.paidAt != nil)
            let byCard = try await client.createOrder(OrderRequest(productID: 101, paymentMethodID: 2))
            #expect(byCard.status == .unpaid)
            #expect(try await client.allOrders(filter: OrderFilter(tradeNo: fromBalance.tradeNo)).first?.status == .paid)
        }
    }
}
