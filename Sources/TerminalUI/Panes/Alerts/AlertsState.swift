import Foundation
import Monitor
import ProxyLiteAPI

/// The Alerts pane: its table.
public struct AlertsState: Sendable {
    public var table = TableState()

    public init() {}
}
