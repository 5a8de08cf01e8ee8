import Foundation
import NIOConcurrencyHelpers

/// Wall-clock time plus an offset that tests can move forward, so that apply delays, usage growth
/// and expiries can be observed without waiting; or, made with `init(stoppedAt:)`, a clock that
/// moves only when told (the soak benchmark's simulated time).
public final class SimulatorClock: Sendable {
    private let offset = NIOLockedValueBox<TimeInterval>(0)
    /// The moment a stopped clock starts from; nil follows the wall clock.
    private let base: Date?

    public init() { base = nil }

    /// A clock that reads `start` until it is advanced: real time passing does not move it.
    public init(stoppedAt start: Date) { base = start }

    public var now: Date { (base ?? Date()).addingTimeInterval(offset.withLockedValue { $0 }) }

    /// Moves the simulator's time forward by `duration`.
    public func advance(by duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        offset.withLockedValue { $0 += seconds }
    }
}
