import Foundation
import NIOConcurrencyHelpers

/// Wall-clock time plus an offset that tests can move forward, so that apply delays, usage growth
/// and expiries can be observed without waiting.
public final class SimulatorClock: Sendable {
    private let offset = NIOLockedValueBox<TimeInterval>(0)

    public init() {}

    public var now: Date { Date().addingTimeInterval(offset.withLockedValue { $0 }) }

    /// Moves the simulator's time forward by `duration`.
    public func advance(by duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        offset.withLockedValue { $0 += seconds }
    }
}
