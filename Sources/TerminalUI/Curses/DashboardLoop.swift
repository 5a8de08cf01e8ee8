import CNCursesw
import Foundation
import Monitor
import ProxyLiteAPI

#if canImport(Glibc)
    import Glibc
#endif

/// The curses thread: it sleeps in `poll(2)` on stdin and the wake-up pipe, and wakes only for a
/// key, a resize, a new snapshot or a timer the screen needs (a flash to clear, an age to
/// advance). Each wake-up draws at most one frame.
public final class DashboardLoop {
    public struct Options: Sendable {
        public var theme: Theme
        public var noColor: Bool
        public var ui: UIState
        /// The monotonic clock that times a dialog's settling (see `DialogGuard`).
        public var uptime: @Sendable () -> ContinuousClock.Instant
        public init(
            theme: Theme, noColor: Bool, ui: UIState = UIState(),
            uptime: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
        ) {
            self.theme = theme
            self.noColor = noColor
            self.ui = ui
            self.uptime = uptime
        }
    }

    private let options: Options
    private let mailbox: SnapshotMailbox
    private let perform: @Sendable (Effect) -> Void
    private var snapshot: Snapshot
    private var ui: UIState
    private let cache = VisibleListCache()

    /// - Parameters:
    ///   - perform: called on this thread for effects the UI cannot carry out itself (refresh, follow an
    ///     account's flow); it must return at once.
    public init(options: Options, initial: Snapshot, mailbox: SnapshotMailbox, perform: @escaping @Sendable (Effect) -> Void) {
        self.options = options
        self.mailbox = mailbox
        self.perform = perform
        self.snapshot = initial
        self.ui = options.ui
    }

    /// Runs until the user quits or a terminating signal arrives; always restores the terminal.
    public func run() throws {
        try WakeUp.open()
        TerminalRestore.install()
        let terminal = try CursesTerminal(theme: options.theme, noColor: options.noColor)
        defer { terminal.end() }
        WakeUp.installSignalHandlers()
        var lastFlow: String??
        var running = true
        // For the end-to-end test of TerminalRestore: a deliberate trap once the first data is drawn.
        // Debug builds only: an environment variable must not be able to crash a user's release binary.
        #if DEBUG
            let trapAfterData = ProcessInfo.processInfo.environment["PROXYLITE_TOP_TEST_TRAP"] == "1"
        #else
            let trapAfterData = false
        #endif
        var dirty = true
        var needed: Set<Resource> = []
        while running {
            if let next = mailbox.take() {
                snapshot = next
                let before = ui.guardedDialog
                ui.receive(snapshot, now: Date())
                // A reply can open a dialog (the renewal price): keys typed meanwhile were not meant for it.
                ui.noteDialog(openedSince: before, uptime: options.uptime()) { terminal.readKeys()?.count ?? 0 }
                dirty = true
            }
            for resource in ui.tab.onDemand where !needed.contains(resource) {
                needed.insert(resource)
                perform(.need(resource))
            }
            let now = Date()
            let (width, height) = terminal.size
            let layout = ScreenLayout(width: width, height: height)
            let lists = cache.lists(snapshot, ui)
            if ui.dialog != nil, ui.dialogGuard?.arm(at: options.uptime()) == true { dirty = true }
            if dirty {
                ui.clamp(lists, bodyRows: layout.body.height)
                let context = RenderContext(snapshot: snapshot, ui: ui, lists: lists, now: now, zone: .current)
                terminal.draw(DashboardScreen.render(context, width: width, height: height))
                dirty = false
                if trapAfterData, snapshot.accounts.value != nil { fatalError("trap requested by PROXYLITE_TOP_TEST_TRAP") }
            }
            let focus = ui.tab == .flow || ui.overlay != .none ? ui.focusedAccount(snapshot, lists)?.account.username : nil
            if lastFlow != .some(focus), ui.tab == .flow || ui.overlay != .none {
                lastFlow = .some(focus)
                perform(.showFlow(focus))
            }

            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: WakeUp.readFD, events: Int16(POLLIN), revents: 0),
            ]
            let timeout = Self.timeout(until: Self.nextWake(ui: ui, snapshot: snapshot, now: now, uptime: options.uptime()), now: now)
            let ready = poll(&fds, 2, timeout)
            if ready == 0 {
                dirty = true  // a timer: something on screen depends on the time
                continue
            }
            if ready < 0 { continue }  // EINTR from a signal; its flag is read below
            if fds[1].revents != 0 {
                WakeUp.drain()
                if WakeUp.terminate != 0 { running = false }
                if WakeUp.resized != 0 {
                    WakeUp.resized = 0
                    terminal.resizeFromKernel()
                    dirty = true
                }
            }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0, fds[0].revents & Int16(POLLIN) == 0 {
                running = false  // the terminal went away
            } else if fds[0].revents != 0 {
                let keys = PastedText.newlines(in: terminal.readKeys() ?? [])
                let effects = ui.handle(
                    batch: keys, snapshot: snapshot, lists: { [cache, snapshot] in cache.lists(snapshot, $0) },
                    bodyRows: layout.body.height, now: Date(), uptime: options.uptime(), layout: layout,
                    dropPending: { terminal.readKeys()?.count ?? 0 })
                for effect in effects {
                    switch effect {
                    case .quit: running = false
                    case .repaint: terminal.invalidate()
                    case .refresh, .showFlow, .run, .need: perform(effect)
                    case .writeFile(let path, let contents):
                        let full = Self.expandingHome(path)
                        ui.noteFileWritten(full, Self.write(contents, to: full), now: Date())
                    }
                }
                if !keys.isEmpty { dirty = true }
            }
        }
    }

    /// `~/x` under $HOME (the user's, as the shell would expand it).
    static func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty else {
            return path
        }
        return home + path.dropFirst()
    }

    /// Writes the extracted endpoints; the error, if any, in words for the flash line.
    static func write(_ contents: String, to path: String) -> String? {
        do {
            try contents.write(toFile: path, atomically: true, encoding: .utf8)
            return nil
        } catch {
            let reason = (error as NSError).userInfo[NSUnderlyingErrorKey].map { "\($0)" } ?? error.localizedDescription
            return reason
        }
    }

    /// When something on screen changes by the clock alone: a flash ends, the offline countdown
    /// ticks, the stale age turns a minute, a dialog settles (`uptime` is the monotonic clock).
    /// Nil when nothing does (the loop then sleeps until input or a new snapshot).
    public static func nextWake(ui: UIState, snapshot: Snapshot, now: Date, uptime: ContinuousClock.Instant) -> Date? {
        var times: [Date] = []
        if let flash = ui.flash { times.append(flash.until) }
        if ui.dialog != nil, let settling = ui.dialogGuard, !settling.armed {
            let left = (settling.armsAt - uptime).components
            times.append(now.addingTimeInterval(Double(left.seconds) + Double(left.attoseconds) * 1e-18))
        }
        switch snapshot.connection {
        case .offline(let retry?, _) where retry > now:
            // The countdown shows whole seconds.
            times.append(min(retry, now.addingTimeInterval(1)))
        case .stale(let since, _):
            // The age is shown in minutes: wake when the next minute begins.
            let age = now.timeIntervalSince(since)
            times.append(now.addingTimeInterval(60 - age.truncatingRemainder(dividingBy: 60) + 0.05))
        default:
            // Offline with the retry under way (or due): "retrying…" stays until its answer,
            // which arrives as a snapshot. A timer here would wake the loop over and over.
            break
        }
        return times.min()
    }

    /// Milliseconds to sleep in poll(2) until `date`; -1 (until input) without one. Never below
    /// 50 ms: a date already past must not turn the loop into a spin.
    public static func timeout(until date: Date?, now: Date) -> Int32 {
        guard let date else { return -1 }
        return Int32(max(50, min(3_600_000, (date.timeIntervalSince(now) * 1000).rounded(.up))))
    }
}
