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

    /// The rows' indices in this order. Every column sorts on one integer key per row and the
    /// username's rank (`AccountTextRanks`) to break ties, packed side by side, so that a re-sort
    /// of 100 000 rows compares integers in contiguous memory, never strings: it fits within a
    /// keystroke's budget. `trends` are the 24-hour series history has (for the rows last on
    /// screen only: the others sort as having none). `ranks` must be those of `rows` (computed
    /// here when nil).
    func order(_ rows: [AccountRow], trends: [String: [Int64]] = [:], ranks: AccountTextRanks? = nil) -> [Int] {
        let ranks = ranks ?? AccountTextRanks(rows, fetchedAt: nil)
        var entries = [AccountSortEntry]()
        entries.reserveCapacity(rows.count)
        let keys = self.keys(rows, trends: trends, ranks: ranks)
        for index in rows.indices {
            entries.append(AccountSortEntry(key: keys[index], tie: ranks.username[index], index: UInt32(truncatingIfNeeded: index)))
        }
        if descending {
            for i in entries.indices {
                entries[i].key = ~entries[i].key
                entries[i].tie = ~entries[i].tie
            }
        }
        AccountSortRadix.sort(&entries)
        return entries.map { Int($0.index) }
    }

    /// One key per row, ascending: numbers as their order-preserving bit patterns, text as ranks.
    func keys(_ rows: [AccountRow], trends: [String: [Int64]], ranks: AccountTextRanks) -> [UInt64] {
        typealias Key = AccountSortEntry
        switch column {
        case .username: return ranks.username.map { UInt64($0) }
        case .remark: return ranks.remark.map { UInt64($0) }
        case .status: return rows.map { $0.account.isEnabled ? 1 : 0 }
        case .type: return rows.map { Key.ordered(Double($0.account.productType.code)) }
        case .usage: return rows.map { Key.ordered(Double($0.account.usageBytes)) }
        case .limit: return rows.map { Key.ordered($0.account.limitBytes.map(Double.init) ?? .infinity) }
        case .percent: return rows.map { Key.ordered($0.usageFraction ?? -1) }
        case .rate: return rows.map { Key.ordered($0.rate ?? -1) }
        case .toLimit: return rows.map { Key.ordered($0.secondsToLimit ?? .infinity) }
        case .created: return rows.map { Key.ordered($0.account.createdAt?.timeIntervalSince1970 ?? 0) }
        case .trend:
            guard !trends.isEmpty else { return rows.map { _ in Key.ordered(-1) } }
            return rows.map { Key.ordered(trends[$0.account.username].map { Double(AccountsColumns.total($0)) } ?? -1) }
        }
    }
}
