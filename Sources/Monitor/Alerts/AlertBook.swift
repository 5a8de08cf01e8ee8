import Foundation

/// The episodes of every watched condition: each (kind, subject) fires once per episode, and the
/// episode ends only after its condition has stayed 10 % clear of the threshold for 10 minutes on
/// the monotonic clock. A value: the caller keeps it, evaluates it after each poll and writes the
/// alerts it reports changed.
public struct AlertBook: Sendable {
    /// How far clear of the threshold a value must be to count towards the end of an episode.
    public static let clearMargin = 0.1
    /// How long it must stay that clear, in seconds.
    public static let clearDuration: Double = 600
    /// How many ended alerts are kept for the pane.
    public static let pastLimit = 200

    public struct Key: Hashable, Sendable {
        public var kind: AlertKind
        public var subject: String

        public init(kind: AlertKind, subject: String) {
            self.kind = kind
            self.subject = subject
        }
    }

    private struct Episode: Sendable {
        var alert: Alert
        /// When (monotonic) the condition was first seen clear in the current unbroken run.
        var clearSince: Double?
    }

    public let profile: String
    /// The id the next raised alert gets.
    public private(set) var nextID: Int64
    private var episodes: [Key: Episode] = [:]
    /// Ended alerts, oldest first, at most `pastLimit`.
    private var past: [Alert] = []

    /// - Parameters:
    ///   - open: the active and acknowledged alerts kept from an earlier run; their conditions do
    ///     not fire again while their episodes last (ended ones in it are taken as past).
    ///   - nextID: the next free id; raised to above every id in `open` and `past` if lower.
    ///   - past: ended alerts to list, such as the last ones kept from an earlier run.
    public init(profile: String, open: [Alert] = [], nextID: Int64 = 1, past: [Alert] = []) {
        self.profile = profile
        var next = nextID
        var ended = past
        for alert in open {
            next = max(next, alert.id + 1)
            if alert.state == .past {
                ended.append(alert)
                continue
            }
            let key = Key(kind: alert.kind, subject: alert.subject)
            // Two kept for one condition (should not happen): the newer one stands.
            if let other = episodes[key], other.alert.id > alert.id { continue }
            episodes[key] = Episode(alert: alert, clearSince: nil)
        }
        for alert in ended { next = max(next, alert.id + 1) }
        self.nextID = next
        self.past = Array(ended.sorted(by: Self.newerFirst).prefix(Self.pastLimit).reversed())
    }

    /// Takes one poll's observations. An observation past its threshold with no open episode
    /// raises an alert; an open episode whose condition (or whose subject is gone) has stayed
    /// clear for `clearDuration` ends.
    /// - Parameters:
    ///   - holding: kinds whose data is not known yet; their episodes are left as they are.
    /// - Returns: the alerts raised now, and every alert whose stored row must be written (the
    ///   raised ones and those whose state changed).
    public mutating func evaluate(
        _ observations: [AlertObservation], holding: Set<AlertKind> = [], now: Date, monotonic: Double
    ) -> (raised: [Alert], changed: [Alert]) {
        var raised: [Alert] = []
        var changed: [Alert] = []
        var seen = Set<Key>()
        for observation in observations {
            let key = Key(kind: observation.kind, subject: observation.subject)
            guard seen.insert(key).inserted else { continue }
            if var episode = episodes[key] {
                if observation.isClearOfThreshold {
                    if let ended = advanceClearing(&episode, key: key, now: now, monotonic: monotonic) {
                        changed.append(ended)
                        continue
                    }
                } else {
                    episode.clearSince = nil
                }
                episodes[key] = episode
            } else if observation.isPastThreshold {
                let alert = Alert(
                    id: nextID, kind: observation.kind, subject: observation.subject, profile: profile, value: observation.value,
                    threshold: observation.threshold, message: observation.message, at: now)
                nextID += 1
                episodes[key] = Episode(alert: alert, clearSince: nil)
                raised.append(alert)
                changed.append(alert)
            }
        }
        // A subject no longer observed (an account deleted, a kind no longer watched) is clear.
        for key in episodes.keys.sorted(by: Self.keyOrder) where !seen.contains(key) && !holding.contains(key.kind) {
            guard var episode = episodes[key] else { continue }
            if let ended = advanceClearing(&episode, key: key, now: now, monotonic: monotonic) {
                changed.append(ended)
            } else {
                episodes[key] = episode
            }
        }
        return (raised, changed)
    }

    /// One more clear sighting: starts the wait, or ends the episode once it has lasted.
    /// Returns the ended alert (and removes the episode), or nil with `episode` updated.
    private mutating func advanceClearing(_ episode: inout Episode, key: Key, now: Date, monotonic: Double) -> Alert? {
        guard let since = episode.clearSince else {
            episode.clearSince = monotonic
            return nil
        }
        guard monotonic - since >= Self.clearDuration else { return nil }
        var alert = episode.alert
        alert.state = .past
        alert.clearedAt = now
        episodes[key] = nil
        past.append(alert)
        if past.count > Self.pastLimit { past.removeFirst(past.count - Self.pastLimit) }
        return alert
    }

    /// Marks an active alert seen. Returns it changed (to be written), or nil when no active
    /// alert has that id.
    @discardableResult
    public mutating func acknowledge(_ id: Int64) -> Alert? {
        guard let key = episodes.first(where: { $0.value.alert.id == id && $0.value.alert.state == .active })?.key else {
            return nil
        }
        episodes[key]?.alert.state = .acknowledged
        return episodes[key]?.alert
    }

    /// The active and acknowledged alerts, newest first.
    public var open: [Alert] { episodes.values.map(\.alert).sorted(by: Self.newerFirst) }

    /// Every alert worth listing, for `AlertList.all`: active and acknowledged first, newest
    /// first; then the past ones (at most `pastLimit`), newest first.
    public var all: [Alert] { open + past.sorted(by: Self.newerFirst) }

    private static func newerFirst(_ a: Alert, _ b: Alert) -> Bool { a.at != b.at ? a.at > b.at : a.id > b.id }

    private static func keyOrder(_ a: Key, _ b: Key) -> Bool {
        a.kind.rawValue != b.kind.rawValue ? a.kind.rawValue < b.kind.rawValue : a.subject < b.subject
    }
}
