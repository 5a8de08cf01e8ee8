import Foundation

/// Where the stores of every watched profile publish. It keeps each profile's newest snapshot and
/// overview row, and passes on the active profile's snapshot (with the roster of all of them) to
/// the screen, and every profile's to whoever else listens (the metrics exporter).
///
/// A class under a lock rather than an actor: stores publish synchronously, and a hop through a
/// task could hand the screen an older snapshot after a newer one.
public final class ProfileHub: @unchecked Sendable {
    /// One watched profile, as the config names it.
    public struct Member: Sendable {
        public var name: String
        public var colour: String?
        /// Expiry windows for the overview's counts (the profile's alert thresholds, else defaults).
        public var packageDays: Double
        public var staticIPDays: Double

        public init(
            name: String, colour: String? = nil, packageDays: Double = ProfileOverview.defaultPackageDays,
            staticIPDays: Double = ProfileOverview.defaultStaticIPDays
        ) {
            self.name = name
            self.colour = colour
            self.packageDays = packageDays
            self.staticIPDays = staticIPDays
        }
    }

    // Everything below is only touched under `lock`; that is what makes the class Sendable.
    private let lock = NSLock()
    private let members: [Member]
    private var latest: [Snapshot?]
    private var rows: [ProfileOverview]
    private var active = 0
    /// The version the screen sees: it grows whenever the active profile's data change or another
    /// profile becomes active, so that what a view caches per version is never another profile's.
    private var outgoing = 0
    private var lastActiveVersion: Int?
    private let toScreen: @Sendable (Snapshot) -> Void
    private let toListeners: @Sendable (String, Snapshot) -> Void
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - toScreen: gets the active profile's snapshot after every change of any profile (the
    ///     overview rows change too); the screen's mailbox. Called under the hub's lock, so it
    ///     must only hand the snapshot on (it must not call back into the hub).
    ///   - toListeners: gets every profile's snapshot as it is published, with the profile's name.
    public init(
        members: [Member], now: @escaping @Sendable () -> Date = Date.init,
        toScreen: @escaping @Sendable (Snapshot) -> Void = { _ in },
        toListeners: @escaping @Sendable (String, Snapshot) -> Void = { _, _ in }
    ) {
        precondition(!members.isEmpty, "a hub watches at least one profile")
        self.members = members
        self.latest = Array(repeating: nil, count: members.count)
        self.rows = members.map { ProfileOverview(name: $0.name, colour: $0.colour) }
        self.toScreen = toScreen
        self.toListeners = toListeners
        self.now = now
    }

    public var names: [String] { members.map(\.name) }

    /// The profile on screen.
    public var activeName: String { lock.withLock { members[active].name } }

    /// The closure a profile's store publishes through.
    public func publisher(for name: String) -> @Sendable (Snapshot) -> Void {
        guard let index = members.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("no profile named \(name) in this hub")
        }
        return { [self] snapshot in self.receive(snapshot, from: index) }
    }

    /// Shows `name` from now on; false (and nothing changes) when no profile has that name.
    @discardableResult
    public func activate(_ name: String) -> Bool {
        // Posted under the lock, as `receive` does: otherwise a poll of the old profile built just
        // before the switch could be posted just after it, and the screen would show the old one.
        lock.withLock {
            guard let index = members.firstIndex(where: { $0.name == name }) else { return false }
            if index != active {
                active = index
                lastActiveVersion = nil
            }
            toScreen(screenSnapshot())
            return true
        }
    }

    /// The active profile's snapshot as the screen would get it now (before any poll: an empty one).
    public var current: Snapshot { lock.withLock { screenSnapshot() } }

    private func receive(_ snapshot: Snapshot, from index: Int) {
        let member = members[index]
        let row = ProfileOverview(
            name: member.name, colour: member.colour, snapshot: snapshot, now: now(), packageDays: member.packageDays,
            staticIPDays: member.staticIPDays)
        lock.withLock {
            latest[index] = snapshot
            rows[index] = row
            toScreen(screenSnapshot())
        }
        toListeners(member.name, snapshot)
    }

    /// Must be called under `lock`.
    private func screenSnapshot() -> Snapshot {
        let member = members[active]
        var snapshot = latest[active] ?? Snapshot()
        let version = latest[active]?.version ?? -1
        if version != lastActiveVersion {
            outgoing += 1
            lastActiveVersion = version
        }
        snapshot.version = outgoing
        snapshot.profiles = ProfileRoster(active: member.name, activeColour: member.colour, rows: rows)
        return snapshot
    }
}
