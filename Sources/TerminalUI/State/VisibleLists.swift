import Foundation
import Monitor
import ProxyLiteAPI

/// The rows each table shows, as indices into the snapshot's lists, after filtering and sorting.
public struct VisibleLists: Sendable {
    public var accounts: [Int] = []
    public var staticIPs: [Int] = []
    public var orders: [Int] = []
    public var packages: [Int] = []
    public var whitelist: [Int] = []
    public var products: [Int] = []
    /// The rows of panes added to the registry from outside (`Pane.visibleRows`), by tab.
    public var added: [Tab: [Int]] = [:]

    public init() {}

    /// Computes the lists for `snapshot` and `ui`. Pure; `VisibleListCache` avoids redoing it.
    public static func compute(_ snapshot: Snapshot, _ ui: UIState) -> VisibleLists {
        var lists = VisibleLists()
        lists.accounts = accounts(
            snapshot.accounts.value ?? [], filter: ui.accountFilter, sort: ui.accountSort, trends: snapshot.history.sparklines,
            ranks: snapshot.fittingAccountRanks)
        lists.staticIPs = staticIPs(snapshot.staticIPs.value ?? [], filter: ui.staticIPFilter)
        lists.orders = orders(snapshot.orders.value ?? [], status: ui.orderStatusFilter)
        lists.fillSmallLists(snapshot, ui)
        return lists
    }

    /// The short lists (packages, whitelist, products): cheap enough to redo on every change.
    mutating func fillSmallLists(_ snapshot: Snapshot, _ ui: UIState) {
        let packs = snapshot.packages.value ?? []
        packages = Array(packs.indices)
            .filter { ui.packageTypeFilter == nil || packs[$0].productType == ui.packageTypeFilter }
            .sorted { (packs[$0].expiresAt ?? .distantFuture, packs[$0].id) < (packs[$1].expiresAt ?? .distantFuture, packs[$1].id) }
        whitelist = Array((snapshot.whitelist.value ?? []).indices)
        products = Array((snapshot.catalogue.value?.products ?? []).indices)
        fillAdded(snapshot, ui)
    }

    /// The rows of panes added from outside: their own function of the data and the UI state,
    /// which the cache's key does not cover, so it is asked every time.
    mutating func fillAdded(_ snapshot: Snapshot, _ ui: UIState) {
        for pane in Panes.all { added[pane.tab] = pane.visibleRows(snapshot, ui) }
    }

    public static func accounts(
        _ rows: [AccountRow], filter: String, sort: AccountSort, trends: [String: [Int64]] = [:], ranks: AccountTextRanks? = nil
    ) -> [Int] {
        filterAccounts(rows, order: sort.order(rows, trends: trends, ranks: ranks), filter: filter)
    }

    static func filterAccounts(_ rows: [AccountRow], order: [Int], filter: String) -> [Int] {
        let needle = Array(filter.lowercased().utf8)
        guard !needle.isEmpty else { return order }
        return order.filter { contains(rows[$0].account.username, needle) || contains(rows[$0].account.remark, needle) }
    }

    /// Whether `haystack` contains the lower-cased UTF-8 `needle`, ignoring ASCII case. A byte
    /// search that allocates nothing: filtering 100 000 rows happens on every keystroke.
    static func contains(_ haystack: String, _ needle: [UInt8]) -> Bool {
        // Text beyond ASCII is lower-cased as the needle was ("É" finds "Émile"); ASCII is folded below.
        var haystack = haystack.utf8.contains(where: { $0 >= 0x80 }) ? haystack.lowercased() : haystack
        return haystack.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            @inline(__always) func folded(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }
            let first = needle[0]
            var i = 0
            let last = bytes.count - needle.count
            while i <= last {
                if folded(bytes[i]) == first {
                    var j = 1
                    while j < needle.count, folded(bytes[i + j]) == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    public static func staticIPs(_ ips: [StaticIP], filter: String) -> [Int] {
        let terms = filter.lowercased().split(separator: " ").map(String.init)
        // Soonest to expire first; those already expired after them, most recently expired first.
        let now = Date()
        func key(_ ip: StaticIP) -> (Int, Double, String) {
            let expires = ip.expiresAt?.timeIntervalSince1970 ?? .infinity
            return expires < now.timeIntervalSince1970 ? (1, -expires, ip.ip) : (0, expires, ip.ip)
        }
        // Keys made once, not twice per comparison: 50 000 IPs are re-sorted after every poll.
        let keys = ips.map(key)
        let order = Array(ips.indices).sorted { keys[$0] < keys[$1] }
        guard !terms.isEmpty else { return order }
        return order.filter { index in
            let ip = ips[index]
            var words: [String] = [
                ip.ip, ip.countryCode, ip.city ?? "", ip.status?.description ?? "",
                ip.typeLabel ?? "", ip.productType.map { String($0.code) } ?? "",
            ]
            // The English words still match on a Chinese screen, and the words it shows match too.
            if !ModelText.isEnglish {
                words.append(ip.status.map { ModelText.ipStatus($0) } ?? "")
                words.append(ip.productType.map { ModelText.productType($0, section: StaticIP.productTypeSection) } ?? "")
            }
            let haystack = words.joined(separator: " ").lowercased()
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
    /// The profile is in the key too: versions are only sure to differ between snapshots of one profile.
    private var key:
        (
            profile: String, version: Int, sort: AccountSort, accountFilter: String, ipFilter: String, status: OrderStatus?,
            packageType: ProductType?, queries: ServerQueries.Key
        )?
    private var sortedAccounts: [Int] = []
    /// The text ranks of the data in `key` (the store's, or computed here for a hand-built snapshot).
    private var ranks: AccountTextRanks?
    /// The accounts `sortedAccounts` orders, held so that their storage can be neither freed and
    /// reused nor changed in place: the same storage is then the same rows.
    private var seenAccounts: [AccountRow] = []
    /// The filter's text of `seenAccounts`: the store's, or made here at the first filter typed.
    private var search: AccountSearchText?
    /// The filters typed since the last sort, each with its rows, longest last: a key typed onto
    /// the end of the filter searches only the rows the filter before it found, and a key erased
    /// goes back to a list already made.
    private var typed: [(needle: [UInt8], rows: [Int])] = []
    private var lists = VisibleLists()

    public init() {}

    public func lists(_ snapshot: Snapshot, _ ui: UIState) -> VisibleLists {
        if let key, key.profile == snapshot.profiles.active, key.version == snapshot.version, key.sort == ui.accountSort,
            key.accountFilter == ui.accountFilter,
            key.ipFilter == ui.staticIPFilter, key.status == ui.orderStatusFilter, key.packageType == ui.packageTypeFilter,
            key.queries == ui.serverQueries.key(for: ui.tab)
        {
            lists.fillAdded(snapshot, ui)
            return lists
        }
        let rows = snapshot.accounts.value ?? []
        let sameVersion = key?.profile == snapshot.profiles.active && key?.version == snapshot.version
        let sameData = sameVersion && key?.queries == ui.serverQueries.key(for: ui.tab)
        // A snapshot after another resource's poll carries the same accounts: their order stands
        // (unless it is by the 24-hour trend, which history updates). A server query never
        // changes the accounts.
        let sameAccounts =
            sameVersion
            || (key?.profile == snapshot.profiles.active && Self.sameStorage(rows, seenAccounts) && ui.accountSort.column != .trend)
        // Sorted afresh even when only the direction changed: reversing the list would put rows
        // that tie (two sub-accounts may share a name) the other way round from the next poll's sort.
        if !sameAccounts || key?.sort != ui.accountSort {
            if let stored = ui.accountSort.stored(snapshot) {
                sortedAccounts = stored
                ranks = nil  // made again if a later sort needs them (the trend's)
            } else {
                if !sameAccounts || ranks == nil {
                    ranks = snapshot.fittingAccountRanks ?? AccountTextRanks(rows, fetchedAt: nil)
                }
                sortedAccounts = ui.accountSort.order(rows, trends: snapshot.history.sparklines, ranks: ranks)
            }
            typed = []
        }
        seenAccounts = rows
        if !sameAccounts {
            search = snapshot.accountSearch.flatMap { $0.fit(snapshot.accounts) ? $0 : nil }
        }
        if !sameAccounts || key?.sort != ui.accountSort || key?.accountFilter != ui.accountFilter {
            lists.accounts = filtered(rows, ui.accountFilter)
        }
        if !sameData || key?.ipFilter != ui.staticIPFilter {
            lists.staticIPs = VisibleLists.staticIPs(snapshot.staticIPs.value ?? [], filter: ui.staticIPFilter)
        }
        if !sameData || key?.status != ui.orderStatusFilter {
            lists.orders = VisibleLists.orders(snapshot.orders.value ?? [], status: ui.orderStatusFilter)
        }
        lists.fillSmallLists(snapshot, ui)
        key = (
            snapshot.profiles.active, snapshot.version, ui.accountSort, ui.accountFilter, ui.staticIPFilter, ui.orderStatusFilter,
            ui.packageTypeFilter, ui.serverQueries.key(for: ui.tab)
        )
        return lists
    }
}

extension VisibleListCache {
    /// `sortedAccounts` filtered by `filter`, from the rows of the longest filter typed before it
    /// that it begins with (a row that contains "ab" contains "a").
    private func filtered(_ rows: [AccountRow], _ filter: String) -> [Int] {
        let needle = Array(filter.lowercased().utf8)
        guard !needle.isEmpty, !needle.contains(0) else {
            typed = []
            return VisibleLists.filterAccounts(rows, order: sortedAccounts, filter: filter)
        }
        while let last = typed.last, !needle.starts(with: last.needle) { typed.removeLast() }
        if let last = typed.last, last.needle == needle { return last.rows }
        if search == nil { search = AccountSearchText(rows) }
        let found = search?.filter(typed.last?.rows ?? sortedAccounts, needle) ?? []
        typed.append((needle, found))
        return found
    }

    /// Whether two arrays are one storage (so one content, while either is held).
    static func sameStorage<Element>(_ a: [Element], _ b: [Element]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }
}

extension Snapshot {
    /// The store's text ranks when they are those of `accounts`.
    var fittingAccountRanks: AccountTextRanks? {
        guard let ranks = accountRanks, ranks.fit(accounts) else { return nil }
        return ranks
    }
}
