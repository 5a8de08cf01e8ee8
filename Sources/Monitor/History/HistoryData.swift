import Foundation

/// What the local history adds to a snapshot. Series are computed by the history recorder off the
/// curses thread, for the rows on screen only; views draw them as they are.
public struct HistoryData: Sendable {
    public var status: HistoryStatus = .off
    /// Usage added per hour over the last 24 hours, oldest first (24 points), by username: only
    /// for the accounts the Accounts pane last said it shows.
    public var sparklines: [String: [Int64]] = [:]
    /// The 5-minute series of the account whose details are open.
    public var intraday: Intraday?
    /// Account-wide traffic left and when it runs out at the last 24 hours' rate.
    public var projection: TrafficProjection?
    /// Accounts whose rate is `spike_factor` times their own median hourly rate over 7 days.
    public var spiking: Set<String> = []

    public init(status: HistoryStatus = .off) { self.status = status }
}

/// One account's usage in 5-minute buckets.
public struct Intraday: Sendable, Equatable {
    public var username: String
    /// Start of the first bucket of `week`; its bucket `i` starts `i * 300` seconds later, and
    /// `day` is its last 288 buckets.
    public var start: Date
    /// Bytes used in each 5-minute bucket over the last 24 hours (288 points; 0 where nothing was
    /// used or nothing was recorded), oldest first.
    public var day: [Int64]
    /// The same over the last 7 days (2 016 points), oldest first.
    public var week: [Int64]

    public init(username: String, start: Date, day: [Int64], week: [Int64]) {
        self.username = username
        self.start = start
        self.day = day
        self.week = week
    }

    public static let bucketSeconds: TimeInterval = 300
}

/// Account-wide traffic left (the summary's `effective`) against the last 24 hours' rate.
public struct TrafficProjection: Sendable, Equatable {
    public var leftBytes: Int64
    /// Bytes per second over the last 24 hours of account-wide samples; nil with less than an hour.
    public var ratePerSecond: Double?
    /// When the traffic left runs out at that rate; nil when idle or unknown.
    public var runsOutAt: Date?
    /// Traffic that expires within 7 days (the summary's `temporary`) more than that rate will use
    /// before then: bytes that will be lost unless usage grows. Nil when nothing would be lost.
    public var expiringUnused: Int64?

    public init(leftBytes: Int64, ratePerSecond: Double?, runsOutAt: Date?, expiringUnused: Int64?) {
        self.leftBytes = leftBytes
        self.ratePerSecond = ratePerSecond
        self.runsOutAt = runsOutAt
        self.expiringUnused = expiringUnused
    }
}
