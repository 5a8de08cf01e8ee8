import Foundation
import Monitor
import ProxyLiteAPI

/// The columns the accounts table can be sorted by, in the order `s` steps through them.
public enum AccountColumn: Int, Sendable, Hashable, CaseIterable {
    case username, status, type, usage, limit, percent, rate, toLimit, remark, created
    /// The last 24 hours' usage, hour by hour, from the local history (sorted by its total).
    case trend

    public var title: String {
        ["user", "status", "type", "usage", "limit", "use %", "rate", "to limit", "remark", "created", "24 h"][rawValue]
    }

    /// The columns shown when the config names none: all but the 24-hour trend, which the
    /// config's `columns` adds (see `AccountsColumns` for why).
    public static let defaults: [AccountColumn] = allCases.filter { $0 != .trend }

    /// The name used in the config file's `columns`: the column's id.
    public var configName: String { AccountsColumns.column(self).id }

    /// Numbers sort largest first by default, text A to Z.
    public var descendingByDefault: Bool {
        switch self {
        case .usage, .limit, .percent, .rate, .created, .trend: return true
        default: return false
        }
    }
}

public struct AccountSort: Sendable, Hashable {
    public var column: AccountColumn
    public var descending: Bool

    public init(column: AccountColumn = .usage, descending: Bool? = nil) {
        self.column = column
        self.descending = descending ?? column.descendingByDefault
    }

    /// The rows' indices in this order, sorted afresh (`AccountOrders` holds the store's). Every
    /// column sorts on one integer key per row and the username's rank (`AccountTextRanks`) to
    /// break ties, so that a sort compares integers, never strings. `trends` are the 24-hour series
    /// history has (for the rows last on screen only: the others sort as having none). `ranks`
    /// must be those of `rows` (computed here when nil).
    func order(_ rows: [AccountRow], trends: [String: [Int64]] = [:], ranks: AccountTextRanks? = nil) -> [Int] {
        let ranks = ranks ?? AccountTextRanks(rows, fetchedAt: nil)
        let keys: [UInt64]
        if let key = column.storeKey {
            keys = rows.indices.map { key.value(rows[$0], $0, ranks) }
        } else if trends.isEmpty {
            keys = rows.map { _ in AccountSortEntry.ordered(-1) }
        } else {
            keys = rows.map { AccountSortEntry.ordered(trends[$0.account.username].map { Double(AccountsColumns.total($0)) } ?? -1) }
        }
        return AccountOrders.sorted(keys, ranks: ranks, descending: descending).map { Int($0) }
    }

    /// This order read from the store's orders, when they are those of `snapshot`'s accounts and
    /// the column is one of theirs; nil otherwise.
    func stored(_ snapshot: Snapshot) -> [Int]? {
        guard let key = column.storeKey, let orders = snapshot.accountOrders, orders.fit(snapshot.accounts),
            let ranks = snapshot.accountRanks, ranks.fit(snapshot.accounts), let rows = snapshot.accounts.value
        else { return nil }
        return orders.order(key, descending: descending, rows: rows, ranks: ranks)
    }
}

extension AccountColumn {
    /// The store's sort key of this column; nil for the trend, which the history gives.
    var storeKey: AccountSortKey? {
        switch self {
        case .username: return .username
        case .status: return .status
        case .type: return .type
        case .usage: return .usage
        case .limit: return .limit
        case .percent: return .percent
        case .rate: return .rate
        case .toLimit: return .toLimit
        case .remark: return .remark
        case .created: return .created
        case .trend: return nil
        }
    }
}
