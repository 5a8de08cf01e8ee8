import Foundation
import ProxyLiteAPI

/// What the accounts table can be sorted by, apart from the 24-hour trend (which comes from the
/// history, not from the poll, and is sorted when asked).
public enum AccountSortKey: Int, Sendable, CaseIterable {
    case username, status, type, usage, limit, percent, rate, toLimit, remark, created

    /// Row `index`'s key, ascending: a number as its order-preserving bit pattern, text as its rank.
    @inline(__always) public func value(_ row: AccountRow, _ index: Int, _ ranks: AccountTextRanks) -> UInt64 {
        typealias Entry = AccountSortEntry
        switch self {
        case .username: return UInt64(ranks.username[index])
        case .remark: return UInt64(ranks.remark[index])
        case .status: return row.account.isEnabled ? 1 : 0
        case .type: return Entry.ordered(Double(row.account.productType.code))
        case .usage: return Entry.ordered(Double(row.account.usageBytes))
        case .limit: return Entry.ordered(row.account.limitBytes.map(Double.init) ?? .infinity)
        case .percent: return Entry.ordered(row.usageFraction ?? -1)
        case .rate: return Entry.ordered(row.rate ?? -1)
        case .toLimit: return Entry.ordered(row.secondsToLimit ?? .infinity)
        case .created: return Entry.ordered(row.account.createdAt?.timeIntervalSince1970 ?? 0)
        }
    }
}

/// The accounts in every column's ascending order, sorted by the store once per accounts poll,
/// off the curses thread: a key that re-sorts 100 000 rows then only reads one of these (the
/// descending order is this one backwards, with rows that tie in both key and name put back in
/// row order), which keeps a keystroke within one frame. 4 bytes a row a column.
public struct AccountOrders: Sendable {
    private let orders: [[UInt32]]
    /// The accounts list these are the orders of: its fetch time and its length (see `fit`).
    public let fetchedAt: Date?
    public let count: Int

    public init(_ rows: [AccountRow], ranks: AccountTextRanks, fetchedAt: Date?) {
        orders = AccountSortKey.allCases.map { Self.sorted(rows, by: $0, ranks: ranks, descending: false) }
        self.fetchedAt = fetchedAt
        count = rows.count
    }

    /// `previous` taken as they are, for rows whose every sort key is the one it was made of
    /// (the caller has checked, with `sameKeys`): an idle world's polls sort nothing.
    public init(carrying previous: AccountOrders, fetchedAt: Date?) {
        orders = previous.orders
        self.fetchedAt = fetchedAt
        count = previous.count
    }

    /// Whether the two lists agree row by row in everything a column sorts on but the texts
    /// (which `AccountTextRanks.sameTexts` compares).
    public static func sameKeys(_ a: [AccountRow], _ b: [AccountRow]) -> Bool {
        guard a.count == b.count else { return false }
        for i in a.indices {
            let x = a[i]
            let y = b[i]
            guard x.account.isEnabled == y.account.isEnabled, x.account.productType.code == y.account.productType.code,
                x.account.usageBytes == y.account.usageBytes, x.account.limitGB == y.account.limitGB,
                x.account.createdAt == y.account.createdAt, x.account.unreadable == y.account.unreadable, x.rate == y.rate,
                x.secondsToLimit == y.secondsToLimit
            else { return false }
        }
        return true
    }

    /// Whether these are the orders of `accounts`' rows.
    public func fit(_ accounts: ResourceState<[AccountRow]>) -> Bool {
        accounts.fetchedAt == fetchedAt && (accounts.value?.count ?? 0) == count
    }

    /// The rows' indices sorted by `key` in the given direction: by key, then by name (in the same
    /// direction), then in row order. `rows` and `ranks` must be those these orders were made of.
    public func order(_ key: AccountSortKey, descending: Bool, rows: [AccountRow], ranks: AccountTextRanks) -> [Int] {
        let ascending = orders[key.rawValue]
        guard descending else { return ascending.map { Int($0) } }
        var order = ascending.reversed().map { Int($0) }
        // Backwards, rows equal in key and name come last-row first: put each such run back in row
        // order. Names are almost always unique, so the key is read only for the rare twins.
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, ranks.username[order[end]] == ranks.username[order[start]],
                key.value(rows[order[end]], order[end], ranks) == key.value(rows[order[start]], order[start], ranks)
            {
                end += 1
            }
            if end - start > 1 { order[start..<end].reverse() }
            start = end
        }
        return order
    }

    /// One column's order, sorted afresh: the same order `order(_:descending:rows:ranks:)` reads.
    public static func sorted(_ rows: [AccountRow], by key: AccountSortKey, ranks: AccountTextRanks, descending: Bool) -> [UInt32] {
        sorted(rows.indices.map { key.value(rows[$0], $0, ranks) }, ranks: ranks, descending: descending)
    }

    /// Rows sorted by `keys` (one a row, ascending), ties broken by name, then by row.
    public static func sorted(_ keys: [UInt64], ranks: AccountTextRanks, descending: Bool) -> [UInt32] {
        var entries = [AccountSortEntry]()
        entries.reserveCapacity(keys.count)
        for index in keys.indices {
            let entry = AccountSortEntry(key: keys[index], tie: ranks.username[index], index: UInt32(truncatingIfNeeded: index))
            entries.append(descending ? AccountSortEntry(key: ~entry.key, tie: ~entry.tie, index: entry.index) : entry)
        }
        AccountSortRadix.sort(&entries)
        return entries.map(\.index)
    }
}
