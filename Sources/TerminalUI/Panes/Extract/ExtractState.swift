import Foundation
import Monitor
import ProxyLiteAPI

/// The Extract pane: its last request and what it brought back.
public struct ExtractState: Sendable {
    public var extraction = ExtractionState()

    public init() {}
}
