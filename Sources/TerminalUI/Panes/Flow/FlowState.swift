import Foundation
import Monitor
import ProxyLiteAPI

/// The Flow pane: how many days the charts show.
public struct FlowState: Sendable {
    public var days = 30

    public init() {}
}
