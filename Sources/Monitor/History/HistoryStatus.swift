import Foundation

/// Whether this dashboard keeps history, and why not when it cannot. The header shows it; the live
/// view goes on whatever it says.
public enum HistoryStatus: Sendable, Equatable {
    /// `history = false` or `--no-history`.
    case off
    /// Not opened yet.
    case opening
    /// This process writes the database and raises the alerts.
    case writing
    /// Another proxylite-top holds the writer lock: this one reads history and raises no alerts.
    case reading(holder: String)
    /// Corrupt, locked or unwritable: what went wrong and where, for the header and the log.
    case failed(String)

    /// Whether this process raises alerts (only the writer does, so that two dashboards on one
    /// account do not page twice).
    public var raisesAlerts: Bool { self == .writing }
}
