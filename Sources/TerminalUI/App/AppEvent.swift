import Foundation
import Monitor

/// Everything that happens to the dashboard, as the run loop (or a test) reports it to
/// `DashboardDriver.handle(_:at:)`; the answer is the effects to run, in order.
public enum AppEvent: Sendable {
    /// One read of the terminal: keys, mouse events, pasted text.
    case keys([Key], layout: ScreenLayout)
    /// A new snapshot from the store.
    case snapshot(Snapshot)
    /// The terminal changed size, or its screen must be painted again (SIGCONT).
    case resize
    /// A timer the screen asked for (`DashboardLoop.nextWake`): a flash ends, an age turns.
    case tick
    /// `Effect.writeFile` was carried out; `error` says why it failed.
    case fileWritten(path: String, error: String?)
    /// Ctrl-Z where no job-control shell can bring the dashboard back.
    case cannotSuspend
}

/// When an event happens: the wall clock for what is shown, the monotonic one for what is timed,
/// and how to drop input still waiting (keys typed ahead of a dialog that has just opened).
public struct AppMoment {
    public var now: Date
    public var uptime: ContinuousClock.Instant
    public var dropPending: () -> Int

    public init(now: Date, uptime: ContinuousClock.Instant, dropPending: @escaping () -> Int = { 0 }) {
        self.now = now
        self.uptime = uptime
        self.dropPending = dropPending
    }
}
