import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

@testable import Monitor

/// What the poller fetches, checked against the reference over HTTP.
@Suite struct ReferenceMonitorTests {
    @Test func theOldestFlowDayIsWhole() async throws {
        try await withSimulator(testWorld()) { _, client in
            guard case .flow(let whole, _) = await MonitorEngine.poll(.flow, client: client, flowAccount: nil) else {
                Issue.record("flow poll failed")
                return
            }
            #expect(whole.count == Snapshot.flowDays)
            let range = client.flowRange(lastDays: Snapshot.flowDays)
            let oldest = try await client.dailyFlow(from: range.start, to: range.start.addingTimeInterval(86_399))
            #expect(whole.first == oldest.first)
        }
    }

    @Test func aCustomOnlyProductIsNeverTheRenewal() async throws {
        try await withSimulator(testWorld()) { _, client in
            let catalogue = await CatalogueData.fetch(client)
            #expect(catalogue.failures.isEmpty)
            // The simulator lists a custom-only datacenter renewal (show_type 3) first.
            #expect(catalogue.products.contains { $0.showType == .notPurchasable && $0.parentProductType == 14 })
            let renewal = try #require(catalogue.renewalProduct(for: .staticDatacenterIP))
            #expect(renewal.showType != .notPurchasable && renewal.isPurchasable)
        }
    }

    @Test func oneFailedCatalogueEndpointKeepsTheOthers() async throws {
        // With half the requests failing, some seed fails some parts and not others; the parts
        // that arrived must be kept and each failure named by its endpoint.
        var mixed = 0
        for seed in UInt64(1)...UInt64(12) {
            let world = testWorld(seed: seed, accounts: 2, faults: FaultPlan(errorRate: 0.5))
            let catalogue = try await withSimulator(world) { _, client in await CatalogueData.fetch(client) }
            let failed = catalogue.failures.count
            guard failed > 0, failed < 3 else { continue }
            mixed += 1
            if case .success(let products) = catalogue.productsResult { #expect(!products.isEmpty) }
            if case .success(let groups) = catalogue.paymentGroupsResult { #expect(!groups.isEmpty) }
            let endpoints = Set(catalogue.failures.map(\.endpoint))
            #expect(endpoints.isSubset(of: ["product", "payment/groups", "activity/balance-recharge-gift-ratio"]))
        }
        #expect(mixed > 0)
    }
}
