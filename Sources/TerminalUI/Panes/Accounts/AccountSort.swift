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

    /// The rows' indices in this order. Numeric columns sort on a key array computed once, which
    /// keeps a re-sort of 100 000 rows within a keystroke's budget. `trends` are the 24-hour
    /// series history has (for the rows last on screen only: the others sort as having none).
    func order(_ rows: [AccountRow], trends: [String: [Int64]] = [:]) -> [Int] {
        let numeric: [Double]?
        switch column {
        case .status: numeric = rows.map { $0.account.isEnabled ? 1 : 0 }
        case .type: numeric = rows.map { Double($0.account.productType.code) }
        case .usage: numeric = rows.map { Double($0.account.usageBytes) }
        case .limit: numeric = rows.map { $0.account.limitBytes.map(Double.init) ?? .infinity }
        case .percent: numeric = rows.map { $0.usageFraction ?? -1 }
        case .rate: numeric = rows.map { $0.rate ?? -1 }
        case .toLimit: numeric = rows.map { $0.secondsToLimit ?? .infinity }
        case .created: numeric = rows.map { $0.account.createdAt?.timeIntervalSince1970 ?? 0 }
        case .trend: numeric = rows.map { trends[$0.account.username].map { Double(AccountsColumns.total($0)) } ?? -1 }
        case .username, .remark: numeric = nil
        }
        guard let keys = numeric else { return Array(rows.indices).sorted { precedes(rows[$0], rows[$1]) } }
        let descending = self.descending
        return Array(rows.indices).sorted { a, b in
            let x = keys[a]
            let y = keys[b]
            if x == y {
                return descending
                    ? rows[a].account.username > rows[b].account.username : rows[a].account.username < rows[b].account.username
            }
            return descending ? x > y : x < y
        }
    }

    /// Whether `a` comes before `b`. Ties fall back to the username, in the same direction, so that
    /// reversing an order gives exactly the order sorted the other way.
    func precedes(_ a: AccountRow, _ b: AccountRow) -> Bool {
        let order = compare(a, b)
        if order == 0 { return descending ? a.account.username > b.account.username : a.account.username < b.account.username }
        return descending ? order > 0 : order < 0
    }

    private func compare(_ a: AccountRow, _ b: AccountRow) -> Int {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
        switch column {
        case .username: return cmp(a.account.username, b.account.username)
        case .status: return cmp(a.account.isEnabled ? 1 : 0, b.account.isEnabled ? 1 : 0)
        case .type: return cmp(a.account.productType.code, b.account.productType.code)
        case .usage: return cmp(a.account.usageBytes, b.account.usageBytes)
        case .limit: return cmp(a.account.limitBytes ?? Int64.max, b.account.limitBytes ?? Int64.max)
        case .percent: return cmp(a.usageFraction ?? -1, b.usageFraction ?? -1)
        case .rate: return cmp(a.rate ?? -1, b.rate ?? -1)
        case .toLimit: return cmp(a.secondsToLimit ?? .infinity, b.secondsToLimit ?? .infinity)
        case .remark: return cmp(a.account.remark, b.account.remark)
        case .created: return cmp(a.account.createdAt?.timeIntervalSince1970 ?? 0, b.account.createdAt?.timeIntervalSince1970 ?? 0)
        case .trend: return 0  // numeric: `order` sorts it on its keys
        }
    }
}
