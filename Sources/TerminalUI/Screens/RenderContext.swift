import Foundation
import Monitor
import ProxyLiteAPI

/// What every screen draws from: the data, the UI state, the derived lists and the clock.
public struct RenderContext: Sendable {
    public var snapshot: Snapshot
    public var ui: UIState
    public var lists: VisibleLists
    public var now: Date
    /// Now on the store's monotonic clock (`MonotonicSeconds`), which every age is measured on;
    /// nil where there is none (then ages fall back to the wall clock).
    public var monotonic: Double?
    public var zone: TimeZone

    public init(snapshot: Snapshot, ui: UIState, lists: VisibleLists, now: Date, monotonic: Double? = nil, zone: TimeZone) {
        self.snapshot = snapshot
        self.ui = ui
        self.lists = lists
        self.now = now
        self.monotonic = monotonic
        self.zone = zone
    }
}
