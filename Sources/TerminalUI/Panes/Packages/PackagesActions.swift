import Foundation
import Monitor
import ProxyLiteAPI

/// The Packages pane's action: filter by product type.
extension UIState {
    mutating func cyclePackageType(_ snapshot: Snapshot, now: Date) {
        let types = Array(Set((snapshot.packages.value ?? []).map(\.productType))).sorted()
        let cycle: [ProductType?] = [nil] + types
        let index = cycle.firstIndex { $0 == packageTypeFilter } ?? 0
        packageTypeFilter = cycle[(index + 1) % cycle.count]
        packages = TableState()
        say(
            UIText.packagesFilterSet(
                packageTypeFilter.map { ModelText.productType($0, section: PurchasedPackage.productTypeSection) }
                    ?? UIText.packagesAllTypes()), now: now)
    }
}
