import Foundation
import Monitor
import ProxyLiteAPI

/// The rows each table shows, as indices into the snapshot's lists, after filtering and sorting.
public struct VisibleLists: Sendable {
    public var accounts: [Int] = []
    public var staticIPs: [Int] = []
    public var orders: [Int] = []

    public init() {}

    /// Computes the lists for `snapshot` and `ui`. Pure; `VisibleListCache` avoids redoing it.
    public static func compute(_ snapshot: Snapshot, _ ui: UIState) -> VisibleLists {
        var lists = VisibleLists()
        lists.accounts = accounts(snapshot.accounts.value ?? [], filter: ui.accountFilter, sort: ui.accountSort)
        lists.staticIPs = staticIPs(snapshot.staticIPs.value ?? [], filter: ui.staticIPFilter)
        lists.orders = orders(snapshot.orders.value ?? [], status: ui.orderStatusFilter)
        return lists
    }

    public static func accounts(_ rows: [AccountRow], filter: String, sort: AccountSort) -> [Int] {
        let sorted = Array(rows.indices).sorted { sort.precedes(rows[$0], rows[$1]) }
        return filterAccounts(rows, order: sorted, filter: filter)
    }

    static func filterAccounts(_ rows: [AccountRow], order: [Int], filter: String) -> [Int] {
        let needle = filter.lowercased()
        guard !needle.isEmpty else { return order }
        return order.filter { rows[$0].searchText.contains(needle) }
    }

    public static func staticIPs(_ ips: [StaticIP], filter: String) -> [Int] {
        let terms = filter.lowercased().split(separator: " ").map(String.init)
        // Soonest to expire first; those already expired after them, most recently expired first.
        let now = Date()
        func key(_ ip: StaticIP) -> (Int, Double, String) {
            let expires = ip.expiresAt?.timeIntervalSince1970 ?? .infinity
            return expires < now.timeIntervalSince1970 ? (1, -expires, ip.ip) : (0, expires, ip.ip)
        }
        let order = Array(ips.indices).sorted { key(ips[$0]) < key(ips[$1]) }
        guard !terms.isEmpty else { return order }
        return order.filter { index in
            let ip = ips[index]
            let haystack = [
                ip.ip, ip.countryCode, ip.city ?? "", ip.status?.description ?? "",
                ip.productType?.label(in: .account) ?? "", ip.productType.map { String($0.code) } ?? "",
            ].joined(separator: " ").lowercased()
            return terms.allSatisfy { haystack.contains($0) }
        }
    }

    public static func orders(_ orders: [Order], status: OrderStatus?) -> [Int] {
        let order = Array(orders.indices).sorted {
            (orders[$0].createdAt ?? .distantPast) > (orders[$1].createdAt ?? .distantPast)
        }
        guard let status else { return order }
        return order.filter { orders[$0].status == status }
    }
}

/// Remembers the last computed lists, so that a redraw without a new snapshot or a new filter or
/// sort costs nothing, and a new filter does not re-sort.
public final class VisibleListCache {
    private var key: (version: Int, sort: AccountSort, accountFilter: String, ipFilter: String, status: OrderStatus?)?
    private var sortedAccounts: [Int] = []
    private var lists = VisibleLists()

    public init() {}

    public func lists(_ snapshot: Snapshot, _ ui: UIState) -> VisibleLists {
        if let key, key.version == snapshot.version, key.sort == ui.accountSort, key.accountFilter == ui.accountFilter,
            key.ipFilter == ui.staticIPFilter, key.status == ui.orderStatusFilter
        {
            return lists
        }
        let rows = snapshot.accounts.value ?? []
        if key?.version != snapshot.version || key?.sort != ui.accountSort {
            sortedAccounts = Array(rows.indices).sorted { ui.accountSort.precedes(rows[$0], rows[$1]) }
        }
        if key?.version != snapshot.version || key?.sort != ui.accountSort || key?.accountFilter != ui.accountFilter {
            lists.accounts = VisibleLists.filterAccounts(rows, order: sortedAccounts, filter: ui.accountFilter)
        }
        if key?.version != snapshot.version || key?.ipFilter != ui.staticIPFilter {
            lists.staticIPs = VisibleLists.staticIPs(snapshot.staticIPs.value ?? [], filter: ui.staticIPFilter)
        }
        if key?.version != snapshot.version || key?.status != ui.orderStatusFilter {
            lists.orders = VisibleLists.orders(snapshot.orders.value ?? [], status: ui.orderStatusFilter)
        }
        key = (snapshot.version, ui.accountSort, ui.accountFilter, ui.staticIPFilter, ui.orderStatusFilter)
        return lists
    }
}
