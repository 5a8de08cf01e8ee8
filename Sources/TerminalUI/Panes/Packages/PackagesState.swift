import Foundation
import Monitor
import ProxyLiteAPI

/// The Packages pane: its table and product-type filter.
public struct PackagesState: Sendable {
    public var table = TableState()
    public var typeFilter: ProductType? = nil

    public init() {}
}
