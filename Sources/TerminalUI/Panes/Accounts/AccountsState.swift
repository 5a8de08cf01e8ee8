import Foundation
import Monitor
import ProxyLiteAPI

/// The Accounts pane: its table, filter, sort, columns and marks, and whether the details show the password.
public struct AccountsState: Sendable {
    public var table = TableState()
    public var filter = ""
    public var sort = AccountSort()
    public var columns: [AccountColumn] = AccountColumn.defaults
    public var marks: Set<String> = []
    public var revealPassword = false
    /// The details' intraday chart covers 7 days rather than 24 hours.
    public var intradayWeek = false

    public init() {}
}
