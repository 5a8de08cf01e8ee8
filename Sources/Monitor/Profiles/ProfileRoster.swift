import Foundation
import ProxyLiteAPI

/// Which profile the screen shows, and one overview row for every watched profile. With one
/// profile (no `[profiles.*]` in the config) it holds that one, named `default`.
public struct ProfileRoster: Sendable {
    /// The name of the profile whose data the rest of the snapshot holds.
    public var active: String
    /// Its colour from the config (a theme colour name such as "magenta"), if one is set.
    public var activeColour: String?
    /// Every watched profile, in the config's order.
    public var rows: [ProfileOverview]

    public init(active: String = "default", activeColour: String? = nil, rows: [ProfileOverview] = []) {
        self.active = active
        self.activeColour = activeColour
        self.rows = rows
    }

    /// Whether there is more than one profile to pick from.
    public var isSeveral: Bool { rows.count > 1 }
}

/// One profile at a glance: what the overview pane shows per row.
public struct ProfileOverview: Sendable, Identifiable, Equatable {
    public var name: String
    public var colour: String?
    /// The API host (never the key).
    public var source: String
    public var readOnly: Bool
    /// Account-wide traffic left (the summary's effective bytes); nil before the summary arrives.
    public var trafficLeftBytes: Int64?
    /// When it runs out at the last 24 hours' rate (from the history); nil when idle or unknown.
    public var runsOutAt: Date?
    /// Packages expiring within `ProfileOverview.expiryWindow` (or the profile's package_days
    /// alert threshold); nil before packages were polled.
    public var expiringPackages: Int?
    /// Static IPs expiring within the window (or static_ip_days); nil before they were polled.
    public var expiringIPs: Int?
    public var activeAlerts: Int
    public var connection: ConnectionState
    public var lastRefresh: Date?
    /// The profile's newest raised alerts and their sequence (`AlertList.raisedSequence`), so the
    /// screen can ring for a profile it does not show.
    public var raisedSequence = 0
    public var raised: [Alert] = []

    public var id: String { name }

    public init(
        name: String, colour: String? = nil, source: String = "", readOnly: Bool = false, trafficLeftBytes: Int64? = nil,
        runsOutAt: Date? = nil, expiringPackages: Int? = nil, expiringIPs: Int? = nil, activeAlerts: Int = 0,
        connection: ConnectionState = .connecting, lastRefresh: Date? = nil
    ) {
        self.name = name
        self.colour = colour
        self.source = source
        self.readOnly = readOnly
        self.trafficLeftBytes = trafficLeftBytes
        self.runsOutAt = runsOutAt
        self.expiringPackages = expiringPackages
        self.expiringIPs = expiringIPs
        self.activeAlerts = activeAlerts
        self.connection = connection
        self.lastRefresh = lastRefresh
    }

    /// How far ahead an expiry counts when the profile sets no alert threshold for it.
    public static let defaultPackageDays = 7.0
    public static let defaultStaticIPDays = 3.0

    /// The row for `snapshot`, of the profile `name`; expiries within `packageDays` /
    /// `staticIPDays` of `now` count.
    public init(
        name: String, colour: String?, snapshot: Snapshot, now: Date, packageDays: Double = defaultPackageDays,
        staticIPDays: Double = defaultStaticIPDays
    ) {
        func expiring(_ dates: [Date?], days: Double) -> Int {
            let horizon = now.addingTimeInterval(days * 86_400)
            return dates.count { date in date.map { $0 > now && $0 <= horizon } ?? false }
        }
        self.init(
            name: name, colour: colour, source: snapshot.source, readOnly: snapshot.readOnly,
            trafficLeftBytes: snapshot.summary.value?.effectiveBytes,
            runsOutAt: snapshot.history.projection?.runsOutAt,
            expiringPackages: snapshot.packages.value.map { expiring($0.map(\.expiresAt), days: packageDays) },
            expiringIPs: snapshot.staticIPs.value.map { expiring($0.map(\.expiresAt), days: staticIPDays) },
            activeAlerts: snapshot.alerts.activeCount, connection: snapshot.connection, lastRefresh: snapshot.lastRefresh)
        raisedSequence = snapshot.alerts.raisedSequence
        raised = snapshot.alerts.raised
    }
}
