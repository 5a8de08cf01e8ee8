import Foundation
import Monitor
import ProxyLiteAPI

/// The Static IPs pane: its table, filter and marks (by identity).
public struct StaticIPsState: Sendable {
    public var table = TableState()
    public var filter = ""
    public var marks: Set<String> = []

    public init() {}
}
