import Foundation
import Monitor
import ProxyLiteAPI

/// The Products pane: its table.
public struct ProductsState: Sendable {
    public var table = TableState()

    public init() {}
}
