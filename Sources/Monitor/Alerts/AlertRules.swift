import Foundation

/// The `[alerts]` table of the config: only the kinds that are set are watched.
public struct AlertRules: Sendable, Equatable {
    public var thresholds: [AlertKind: Double] = [:]
    /// Ring the terminal bell when alerts are raised.
    public var bell = false
    /// Send an OSC 9 / OSC 777 desktop notification.
    public var desktop = false
    /// A program and its arguments, run without a shell, given the raised alerts as JSON on stdin.
    public var exec: [String]?

    public init(thresholds: [AlertKind: Double] = [:], bell: Bool = false, desktop: Bool = false, exec: [String]? = nil) {
        self.thresholds = thresholds
        self.bell = bell
        self.desktop = desktop
        self.exec = exec
    }

    public var isEmpty: Bool { thresholds.isEmpty }

    /// The floor under which a rate is never a spike, whatever its norm: 1 MB/h.
    public static let spikeFloorBytesPerSecond = 1_000_000.0 / 3600
}
