import Foundation
import Monitor

/// The dashboard's state machine as the curses loop runs it, without curses: a snapshot arriving,
/// a read of keys, a frame. The loop drives it from stdin and the mailbox; the keystroke fuzz
/// drives it with random input, so that what the fuzz checks is exactly what the loop does.
public struct DashboardDriver {
    public private(set) var ui: UIState
    public private(set) var snapshot: Snapshot
    private let cache = VisibleListCache()
    /// A frame is due: something changed, or the clock moved something on screen.
    public var dirty = true

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
        let keys = PastedText.newlines(in: read)
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
