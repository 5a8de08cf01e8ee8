import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

@Suite struct OrdersTests {
    @Test func walksEveryPage() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let first = try await client.orders(page: 1, pageSize: 7)
            #expect(first.items.count == 7)
            #expect(first.totalPages == 5 && first.totalCount == 30)
            let all = try await client.allOrders(pageSize: 7)
            #expect(all.count == 30)
            #expect(Set(all.map(\.tradeNo)).count == 30)
            #expect(simulator.requestCounts["order/list"] == 6)
            #expect(all.allSatisfy { $0.createdAt != nil })
            #expect(all.contains { $0.status == .paid && $0.paidAt != nil })
        }
    }

    @Test func filtersByStatus() async throws {
        try await withSimulator(testWorld()) { _, client in
            let unpaid = try await client.allOrders(filter: OrderFilter(status: .unpaid))
            #expect(!unpaid.isEmpty)
            #expect(unpaid.allSatisfy { $0.status == .unpaid })
        }
    }

    @Test func renewalPreviewPricesEachIPAndCreatesNothing() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let ips = try await client.allStaticIPs(filter: StaticIPFilter(productType: .staticDatacenterIP))
            let ids = Array(ips.compactMap(\.id).prefix(3))
            try #require(!ids.isEmpty, "the world has datacenter IPs")
            // The simulator also lists a custom-only renewal (show_type 3), which cannot be ordered.
            let renewal = try #require(try await client.products(type: 19, parentType: .staticDatacenterIP).first(where: \.isPurchasable))
            let before = try await client.allOrders().count
            let request = OrderRequest(productID: renewal.id, paymentMethodID: 1, renewIDs: ids, renewDuration: .twoMonths)
            let preview = try await client.checkOrder(request)
            #expect(preview.ipPrices.count == ids.count)
            #expect(abs(preview.ipPrices.map(\.price).reduce(0, +) - preview.payFee) < 0.01)
            #expect(preview.ipPrices.allSatisfy { ($0.renewedExpiry ?? .distantPast) > ($0.currentExpiry ?? .distantFuture) })
            #expect(try await client.allOrders().count == before)
            #expect(simulator.requestCounts["order/create"] == nil)
        }
    }

    @Test func createThenCloseAnUnpaidOrder() async throws {
        try await withSimulator(testWorld()) { _, client in
            let product = try #require(try await client.products(type: 9).first)
            let order = try await client.createOrder(OrderRequest(productID: product.id, paymentMethodID: 2))
            #expect(order.status == .unpaid && !order.tradeNo.isEmpty)
            #expect(try await client.allOrders(filter: OrderFilter(tradeNo: order.tradeNo)).first?.status == .unpaid)
            try await client.closeOrder(tradeNo: order.tradeNo)
            #expect(try await client.allOrders(filter: OrderFilter(tradeNo: order.tradeNo)).first?.status == .cancelled)
            let again = await #expect(throws: ProxyLiteError.self) { try await client.closeOrder(tradeNo: order.tradeNo) }
            #expect(again?.code == .api(422))
        }
    }

    @Test func unpaidOrdersTimeOut() async throws {
        var world = testWorld()
        world.orderTimeout = .seconds(600)
        try await withSimulator(world) { simulator, client in
            let product = try #require(try await client.products(type: 9).first)
            let order = try await client.createOrder(OrderRequest(productID: product.id, paymentMethodID: 2))
            simulator.configuration.clock.advance(by: .seconds(601))
            #expect(try await client.allOrders(filter: OrderFilter(tradeNo: order.tradeNo)).first?.status == .cancelled)
        }
    }

    @Test func createRejectsUnknownProducts() async throws {
        try await withSimulator(testWorld()) { _, client in
            let error = await #expect(throws: ProxyLiteError.self) {
                try await client.createOrder(OrderRequest(productID: 999_999, paymentMethodID: 1))
            }
            #expect(error?.fieldErrors["pid"] != nil)
        }
    }
}
