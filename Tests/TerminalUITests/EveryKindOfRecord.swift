import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport

/// A snapshot with every kind of record, as the simulator serves them: accounts, static IPs,
/// orders, packages, the whitelist and the catalogue.
func everyKindOfRecord(readOnly: Bool = false, at now: Date) async throws -> Snapshot {
    try await withSimulator(testWorld()) { _, client in
        let store = Store(source: "t", readOnly: readOnly) { _ in }
        await store.apply(.accounts(try await client.accounts()), at: now)
        await store.apply(.staticIPs(try await client.staticIPs(page: 1).items), at: now)
        await store.apply(.orders(try await client.orders(page: 1).items), at: now)
        await store.apply(.packages(try await client.packages(page: 1).items), at: now)
        await store.apply(.whitelist(try await client.whitelistIPs()), at: now)
        let catalogue = CatalogueData(
            products: try await client.products(), paymentGroups: try await client.paymentGroups(),
            rechargeRatios: try await client.rechargeGiftRatios())
        await store.apply(.catalogue(catalogue), at: now)
        return await store.current
    }
}
