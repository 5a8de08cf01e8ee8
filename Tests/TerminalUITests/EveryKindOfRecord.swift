import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport

/// A snapshot with every kind of record, as the simulator serves them: accounts, static IPs,
/// orders, packages, the whitelist and the catalogue; and alerts in each state, as the history
/// recorder lists them.
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
        await store.updateAlerts(sampleAlerts(at: now), raised: [])
        return await store.current
    }
}

/// An active, an acknowledged and a past alert.
func sampleAlerts(at now: Date) -> [Alert] {
    [
        Alert(
            id: 3, kind: .usagePercent, subject: "alpha", profile: "default", value: 93, threshold: 90,
            message: "alpha has used 93% of its limit", at: now.addingTimeInterval(-600)),
        Alert(
            id: 2, kind: .staticIPDays, subject: "1.2.3.4", profile: "default", value: 2, threshold: 3,
            message: "1.2.3.4 expires in 2 days", at: now.addingTimeInterval(-7200), state: .acknowledged),
        Alert(
            id: 1, kind: .trafficLeft, subject: "account", profile: "default", value: 80.5, threshold: 100,
            message: "80.5 GB of traffic left", at: now.addingTimeInterval(-86_400), state: .past,
            clearedAt: now.addingTimeInterval(-3600)),
    ]
}
