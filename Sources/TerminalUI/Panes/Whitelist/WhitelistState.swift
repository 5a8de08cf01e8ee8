import Foundation
import Monitor
import ProxyLiteAPI

/// The Whitelist pane: its table and marks, and whether the provider has asked for a code to remove IPs.
public struct WhitelistState: Sendable {
    public var table = TableState()
    public var marks: Set<String> = []
    public var deletesNeedCode = false

    public init() {}
}
