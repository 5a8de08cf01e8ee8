import Foundation
import Monitor
import ProxyLiteAPI

/// The app controller: the dashboard's state machine without curses. Every input is an
/// `AppEvent` and the answer is the effects to run, in order — including the ones that follow
/// from the state rather than from a key (start polling what a newly opened pane shows, follow the
/// focused account's traffic). The curses loop only reads descriptors, forwards events and draws
/// `frame`; tests and the keystroke fuzz drive the same controller in memory.
public struct DashboardDriver {
    public private(set) var ui: UIState
    public private(set) var snapshot: Snapshot
    private let cache = VisibleListCache()
    /// A frame is due: something changed, or the clock moved something on screen.
    public var dirty = true
    /// On-demand resources already asked for: each is asked for once.
    private var needed: Set<Resource> = []
    /// The account whose traffic was last asked for (`.some(nil)`: none).
    private var followed: String??
    /// The usernames whose sparklines were last asked for (nil: none yet).
    private var sparklineRows: [String]?
    /// The account whose intraday series was last asked for (none at the start).
    private var intradayFor: String? = nil
    /// The pane area's height of the last frame or key layout: which rows are on screen. Nil until
    /// one is known.
    private var bodyRows: Int?
    /// The last `alerts.raisedSequence` seen of each profile: a higher one rings (`.notify`).
    /// Per profile, for each profile's alerts count on their own.
    private var raisedSequences: [String: Int]

    /// Handles one event; the effects, in the order they are to run.
    public mutating func handle(_ event: AppEvent, at moment: AppMoment) -> [Effect] {
        // Flash messages are written when they are made, in the language on screen.
        Language.$current.withValue(ui.language) { handleInLanguage(event, at: moment) }
    }

    private mutating func handleInLanguage(_ event: AppEvent, at moment: AppMoment) -> [Effect] {
        var effects: [Effect] = []
        switch event {
        case .keys(let keys, let layout):
            bodyRows = layout.body.height
            effects = handle(keys, layout: layout, now: moment.now, uptime: moment.uptime, dropPending: moment.dropPending)
        case .snapshot(let next):
            receive(next, now: moment.now, uptime: moment.uptime, dropPending: moment.dropPending)
            // Every watched profile rings for its own alerts, shown or not; a profile seen for the
            // first time rings for nothing: what it raised before was not news here.
            let others = next.profiles.rows.filter { $0.name != next.profiles.active }
            let sources =
                [(next.profiles.active, next.alerts.raisedSequence, next.alerts.raised)]
                + others.map { ($0.name, $0.raisedSequence, $0.raised) }
            for (profile, sequence, raised) in sources {
                let seen = raisedSequences[profile] ?? sequence
                raisedSequences[profile] = max(seen, sequence)
                if sequence > seen, !raised.isEmpty { effects.append(.notify(raised)) }
            }
        case .resize, .tick: dirty = true
        case .fileWritten(let path, let error): noteFileWritten(path, error, now: moment.now)
        case .cannotSuspend:
            say(UIText.cannotSuspend(), role: .warning, now: moment.now)
        }
        return effects + followUps()
    }

    /// What the state now asks of the world: the open pane's on-demand data, the traffic of the
    /// account in focus where it is shown (the Flow pane, an account's details), the sparklines of
    /// the Accounts rows on screen (when the trend column is shown) and the intraday series of the
    /// account whose details are open. Each is asked for when it changes, not on every call.
    public mutating func followUps() -> [Effect] {
        var effects: [Effect] = []
        for resource in ui.tab.onDemand where !needed.contains(resource) {
            needed.insert(resource)
            effects.append(.need(resource))
        }
        if ui.tab == .flow || ui.overlay != .none {
            let focus = ui.focusedAccount(snapshot, lists)?.account.username
            if followed != .some(focus) {
                followed = .some(focus)
                effects.append(.showFlow(focus))
            }
        }
        if let shown = accountsOnScreen(), shown != sparklineRows {
            sparklineRows = shown
            effects.append(.sparklines(shown))
        }
        let detail: String? = if case .accountDetail(let name) = ui.overlay { name } else { nil }
        if detail != intradayFor {
            intradayFor = detail
            effects.append(.intraday(detail))
        }
        return effects
    }

    /// The usernames of the Accounts rows the next frame shows, top to bottom; nil when the trend
    /// column is not shown (or the pane is not open, or the screen's height is not known yet).
    func accountsOnScreen() -> [String]? {
        guard ui.tab == .accounts, ui.accountColumns.contains(.trend), let bodyRows else { return nil }
        let lists = self.lists
        var table = ui.accounts
        // As `frame` will clamp it: the pane title and the table header take two rows.
        let visible = max(0, bodyRows - 2)
        table.clamp(count: lists.accounts.count, visible: visible)
        let rows = snapshot.accounts.value ?? []
        let window = lists.accounts.dropFirst(table.offset).prefix(max(0, visible))
        return window.filter { rows.indices.contains($0) && rows[$0].account.hasIdentity }.map { rows[$0].account.username }
    }

    public init(ui: UIState, snapshot: Snapshot) {
        self.ui = ui
        self.snapshot = snapshot
        raisedSequences = [snapshot.profiles.active: snapshot.alerts.raisedSequence]
        self.ui.follow(snapshot)
    }

    /// The rows each pane shows for the state as it is now.
    public var lists: VisibleLists { cache.lists(shown, ui) }

    /// The snapshot as the open pane shows it: with its server query's rows, if one is shown.
    var shown: Snapshot { ui.serverQueries.overlay(snapshot, tab: ui.tab) }

    /// A new snapshot. A reply in it can open a dialog (the renewal price): keys typed meanwhile
    /// were not meant for it, so `dropPending` reads and drops them.
    public mutating func receive(_ next: Snapshot, now: Date, uptime: ContinuousClock.Instant, dropPending: () -> Int) {
        if next.profiles.active != snapshot.profiles.active {
            // Another profile's poller and history: everything asked of the old one is asked again.
            needed = []
            followed = nil
            sparklineRows = nil
        }
        snapshot = next
        let before = ui.guardedDialog
        ui.receive(snapshot, now: now)
        ui.noteDialog(openedSince: before, uptime: uptime, typedAhead: dropPending)
        dirty = true
    }

    /// The keys of one read (see `UIState.handle(batch:…)`); the effects for the world outside.
    public mutating func handle(
        _ read: [Key], layout: ScreenLayout, now: Date, uptime: ContinuousClock.Instant, dropPending: () -> Int
    ) -> [Effect] {
        let keys = ui.takesPastedLines ? PastedText.newlines(in: read) : read
        let effects = ui.handle(
            batch: keys, snapshot: snapshot,
            lists: { [cache, snapshot] in cache.lists($0.serverQueries.overlay(snapshot, tab: $0.tab), $0) },
            bodyRows: layout.body.height,
            now: now, uptime: uptime, layout: layout, dropPending: dropPending)
        if !keys.isEmpty { dirty = true }
        return effects
    }

    public mutating func noteFileWritten(_ path: String, _ error: String?, now: Date) {
        ui.noteFileWritten(path, error, now: now)
        dirty = true
    }

    mutating func say(_ text: String, role: ColorRole, now: Date) {
        ui.say(text, role: role, now: now)
        dirty = true
    }

    /// The frame to draw now, or nil when nothing changed. Tells the open dialog's guard whether
    /// this frame shows it (a terminal too small shows none) and lets it settle.
    public mutating func frame(
        width: Int, height: Int, now: Date, uptime: ContinuousClock.Instant, monotonic: Double? = nil,
        zone: TimeZone = .current
    ) -> CellBuffer? {
        let layout = ScreenLayout(width: width, height: height)
        bodyRows = layout.body.height
        if ui.dialog != nil, ui.dialogGuard?.saw(shown: !layout.isTooSmall, at: uptime) == true { dirty = true }
        guard dirty else { return nil }
        dirty = false
        let lists = self.lists
        ui.clamp(lists, bodyRows: layout.body.height)
        return DashboardScreen.render(
            RenderContext(snapshot: shown, ui: ui, lists: lists, now: now, monotonic: monotonic, zone: zone), width: width,
            height: height)
    }
}
