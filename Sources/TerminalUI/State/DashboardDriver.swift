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

    /// Handles one event; the effects, in the order they are to run.
    public mutating func handle(_ event: AppEvent, at moment: AppMoment) -> [Effect] {
        var effects: [Effect] = []
        switch event {
        case .keys(let keys, let layout):
            effects = handle(keys, layout: layout, now: moment.now, uptime: moment.uptime, dropPending: moment.dropPending)
        case .snapshot(let next): receive(next, now: moment.now, uptime: moment.uptime, dropPending: moment.dropPending)
        case .resize, .tick: dirty = true
        case .fileWritten(let path, let error): noteFileWritten(path, error, now: moment.now)
        case .cannotSuspend:
            say("Ctrl-Z: no job-control shell to come back to with fg; still running.", role: .warning, now: moment.now)
        }
        return effects + followUps()
    }

    /// What the state now asks of the world: the open pane's on-demand data, and the traffic of
    /// the account in focus where it is shown (the Flow pane, an account's details).
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
        return effects
    }

    public init(ui: UIState, snapshot: Snapshot) {
        self.ui = ui
        self.snapshot = snapshot
    }

    /// The rows each pane shows for the state as it is now.
    public var lists: VisibleLists { cache.lists(snapshot, ui) }

    /// A new snapshot. A reply in it can open a dialog (the renewal price): keys typed meanwhile
    /// were not meant for it, so `dropPending` reads and drops them.
    public mutating func receive(_ next: Snapshot, now: Date, uptime: ContinuousClock.Instant, dropPending: () -> Int) {
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
            batch: keys, snapshot: snapshot, lists: { [cache, snapshot] in cache.lists(snapshot, $0) }, bodyRows: layout.body.height,
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
        if ui.dialog != nil, ui.dialogGuard?.saw(shown: !layout.isTooSmall, at: uptime) == true { dirty = true }
        guard dirty else { return nil }
        dirty = false
        let lists = self.lists
        ui.clamp(lists, bodyRows: layout.body.height)
        return DashboardScreen.render(
            RenderContext(snapshot: snapshot, ui: ui, lists: lists, now: now, monotonic: monotonic, zone: zone), width: width,
            height: height)
    }
}
