import Foundation
import Monitor
import ProxyLiteAPI

/// The Orders pane: its table and status filter, and an order/create whose answer never came, until the user has seen the orders that may be it.
public struct OrdersState: Sendable {
    public var table = TableState()
    public var statusFilter: OrderStatus? = nil
    public var unsettled: UnsettledOrder? = nil

    public init() {}
}
