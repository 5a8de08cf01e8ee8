import Foundation

/// What an alert watches; the raw value is its key in `[alerts]`.
public enum AlertKind: String, Sendable, Codable, CaseIterable {
    case usagePercent = "usage_percent"
    case hoursToLimit = "hours_to_limit"
    case staticIPDays = "static_ip_days"
    case packageDays = "package_days"
    case trafficLeft = "traffic_left_gb"
    case apiDown = "api_down_minutes"
    case spike = "spike_factor"

    /// Whether the alert fires when the value is at or above its threshold (usage, spikes, time
    /// down) rather than at or below it (time left, traffic left).
    public var firesAbove: Bool {
        switch self {
        case .usagePercent, .apiDown, .spike: true
        case .hoursToLimit, .staticIPDays, .packageDays, .trafficLeft: false
        }
    }
}

public enum AlertState: String, Sendable, Codable {
    /// Raised and not yet acknowledged.
    case active
    /// Seen by the user; still within its episode.
    case acknowledged
    /// Its condition cleared (10 % clear of the threshold for 10 minutes): the episode is over.
    case past
}

/// One episode of one condition on one subject. It never carries the key or a password.
public struct Alert: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var kind: AlertKind
    /// The username, the static IP, the package id, or "account" for account-wide kinds.
    public var subject: String
    public var profile: String
    public var value: Double
    public var threshold: Double
    public var message: String
    /// When it was raised.
    public var at: Date
    public var state: AlertState
    public var clearedAt: Date?

    public init(
        id: Int64, kind: AlertKind, subject: String, profile: String, value: Double, threshold: Double, message: String,
        at: Date, state: AlertState = .active, clearedAt: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.profile = profile
        self.value = value
        self.threshold = threshold
        self.message = message
        self.at = at
        self.state = state
        self.clearedAt = clearedAt
    }
}

/// The alerts of a snapshot: every alert worth listing, and the ones the last evaluation raised
/// (for the bell and the desktop notification, which the terminal backend gives once per `raisedSequence`).
public struct AlertList: Sendable {
    /// Active and acknowledged first, newest first; then past ones, newest first (a bounded few).
    public var all: [Alert] = []
    public var raised: [Alert] = []
    /// Grows by one whenever `raised` is replaced by newly raised alerts.
    public var raisedSequence = 0

    public init() {}

    public var activeCount: Int { all.count { $0.state == .active } }
}
