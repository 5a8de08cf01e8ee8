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
        /// The log file's descriptor, where a crash is recorded (see `TerminalRestore`).
        public var crashLogFD: Int32?
        /// Ring the bell when a snapshot brings newly raised alerts (`[alerts] bell`).
        public var alertBell: Bool
        /// Send an OSC 9 and OSC 777 desktop notification for them (`[alerts] desktop`).
        public var alertDesktop: Bool
        public init(
            theme: Theme, noColor: Bool, ui: UIState = UIState(),
            uptime: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }, crashLogFD: Int32? = nil,
            alertBell: Bool = false, alertDesktop: Bool = false
        ) {
            self.theme = theme
            self.noColor = noColor
            self.ui = ui
            self.uptime = uptime
            self.crashLogFD = crashLogFD
            self.alertBell = alertBell
            self.alertDesktop = alertDesktop
        }
    }

    /// Why the loop ended.
    public enum Ending: Sendable, Equatable, CustomStringConvertible {
        case quit
        /// SIGTERM, SIGINT or SIGHUP.
        case signal(Int32)
        /// The terminal went away: hang-up, EOF or a read error on stdin, with or without SIGHUP.
        case terminalGone

        public var description: String {
            switch self {
            case .quit: return "quit"
            case .signal(SIGHUP): return "SIGHUP"
            case .signal(SIGTERM): return "SIGTERM"
            case .signal(SIGINT): return "SIGINT"
            case .signal(let n): return "signal \(n)"
            case .terminalGone: return "the terminal went away"
            }
        }
    }

    private let options: Options
    private let mailbox: SnapshotMailbox
    private let perform: @Sendable (Effect) -> Void
    /// Effects of events handled where no runner was at hand (`suspendOrRepaint`); run next.
    private var pendingEffects: [Effect] = []
    /// The state machine (UI state, snapshot, frames); this class adds curses, stdin and signals.
    private var driver: DashboardDriver
    /// A desktop notification to write once the next frame is drawn.
    private var pendingNotification: String?

    /// - Parameters:
    ///   - perform: called on this thread for effects the UI cannot carry out itself (refresh, follow an
    ///     account's flow); it must return at once.
    public init(options: Options, initial: Snapshot, mailbox: SnapshotMailbox, perform: @escaping @Sendable (Effect) -> Void) {
        self.options = options
        self.mailbox = mailbox
        self.perform = perform
        self.driver = DashboardDriver(ui: options.ui, snapshot: initial)
    }

    /// Runs until the user quits, a terminating signal arrives or the terminal goes away; always
    /// restores the terminal.
    @discardableResult
    public func run() throws -> Ending {
        try WakeUp.open()
        TerminalRestore.prepareAlternateStack()
        TerminalRestore.install(logFD: options.crashLogFD)
        WakeUp.installSignalHandlers()
        let terminal = try CursesTerminal(theme: options.theme, noColor: options.noColor)
        defer { terminal.end() }
        var ending: Ending?
        // For the end-to-end test of TerminalRestore: a deliberate trap once the first data is drawn.
        // Debug builds only: an environment variable must not be able to crash a user's release binary.
        // "overflow" overflows the stack instead, for the alternate signal stack.
        #if DEBUG
            let trap = ProcessInfo.processInfo.environment["PROXYLITE_TOP_TEST_TRAP"]
        #endif
        let moment = { AppMoment(now: Date(), uptime: self.options.uptime()) { terminal.readKeys()?.count ?? 0 } }
        ending = run(driver.followUps(), terminal: terminal)
        while ending == nil {
            if let next = mailbox.take() {
                ending = run(driver.handle(.snapshot(next), at: moment()), terminal: terminal)
                if ending != nil { break }
            }
            let now = Date()
            let (width, height) = terminal.size
            let layout = ScreenLayout(width: width, height: height, snapshot: driver.snapshot)
            if let frame = driver.frame(
                width: width, height: height, now: now, uptime: options.uptime(), monotonic: MonotonicSeconds.now())
            {
                terminal.draw(frame)
                if let sequence = pendingNotification {
                    pendingNotification = nil
                    terminal.notify(sequence)
                }
                #if DEBUG
                    if let trap, driver.snapshot.accounts.value != nil {
                        if trap == "overflow" { _ = Self.overflow(1) }
                        fatalError("trap requested by PROXYLITE_TOP_TEST_TRAP")
                    }
                #endif
            }
            // What the frame settled (the rows the clamped table shows) may ask for more.
            ending = run(driver.followUps(), terminal: terminal)
            if ending != nil { break }
            let ui = driver.ui

            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: WakeUp.readFD, events: Int16(POLLIN), revents: 0),
            ]
            let wake = Self.nextWake(ui: ui, snapshot: driver.snapshot, now: now, uptime: options.uptime())
            let ready = poll(&fds, 2, Self.timeout(until: wake, now: now))
            if ready == 0 {
                ending = run(driver.handle(.tick, at: moment()), terminal: terminal)  // something on screen depends on the time
                continue
            }
            if ready < 0 {
                // EINTR: a signal, whose flag the pipe brings next time. Anything else would repeat
                // at once, for ever.
                if errno != EINTR { ending = .terminalGone }
                continue
            }
            if fds[1].revents != 0 {
                WakeUp.drain()
                if WakeUp.terminate != 0 { ending = .signal(WakeUp.terminate) }
                if WakeUp.resized != 0 {
                    WakeUp.resized = 0
                    terminal.resizeFromKernel()
                    ending = run(driver.handle(.resize, at: moment()), terminal: terminal)
                }
                if suspendOrRepaint(terminal), ending == nil { ending = run(driver.handle(.resize, at: moment()), terminal: terminal) }
            }
            if ending != nil { break }
            if InputEnd.isHangUp(fds[0].revents) {
                // Keys that came with the hang-up are dropped: no one sees what they would do.
                ending = .terminalGone
            } else if fds[0].revents != 0 {
                let read = terminal.readKeys() ?? []
                if read.isEmpty, InputEnd.hasEnded(STDIN_FILENO) {
                    ending = .terminalGone
                    break
                }
                // Ctrl-Z arrives as a key only where the terminal does not make it a signal (ISIG off).
                if read.contains(.control("z")) { WakeUp.suspend = 1 }
                let keys = read.filter { $0 != .control("z") }
                ending = run(driver.handle(.keys(keys, layout: layout), at: moment()), terminal: terminal)
                if suspendOrRepaint(terminal), ending == nil { ending = run(driver.handle(.resize, at: moment()), terminal: terminal) }
            }
        }
        return ending ?? .quit
    }

    /// The one effect runner: runs `effects` in order — the terminal's and the file's here, the
    /// rest handed to `perform` — and feeds what they report back as events. Returns `.quit` if
    /// one of them ends the dashboard (the effects after it are not run).
    private func run(_ effects: [Effect], terminal: CursesTerminal) -> Ending? {
        var queue = (pendingEffects + effects)[...]
        pendingEffects = []
        while let effect = queue.popFirst() {
            switch effect {
            case .quit: return .quit
            case .repaint: terminal.invalidate()
            case .notify(let alerts):
                if options.alertBell { terminal.bell() }
                if options.alertDesktop, !alerts.isEmpty { pendingNotification = AlertText.osc(alerts) }
            case .refresh, .showFlow, .run, .need, .sparklines, .intraday, .acknowledge, .switchProfile: perform(effect)
            case .writeFile(let path, let contents):
                let full = Self.expandingHome(path)
                let written = AppEvent.fileWritten(path: full, error: Self.write(contents, to: full))
                queue += driver.handle(written, at: AppMoment(now: Date(), uptime: options.uptime()))
            }
        }
        return nil
    }

    /// Acts on SIGTSTP (give the terminal back and stop, until `fg`) and SIGCONT (someone else
    /// stopped and continued us: paint over what the shell drew). True when a full repaint is due.
    private func suspendOrRepaint(_ terminal: CursesTerminal) -> Bool {
        var repaint = false
        if WakeUp.suspend != 0 {
            WakeUp.suspend = 0
            if JobControl.canStop {
                terminal.suspend()
                WakeUp.continued = 0  // the continue that ended this stop; resume() has already run
                repaint = true
            } else {
                pendingEffects += driver.handle(.cannotSuspend, at: AppMoment(now: Date(), uptime: options.uptime()))
                repaint = true
            }
        }
        if WakeUp.continued != 0 {
            WakeUp.continued = 0
            terminal.resume()
            repaint = true
        }
        return repaint
    }

    #if DEBUG
        /// Recursion without end, for the test of a crash by stack overflow (debug builds only).
        private static func overflow(_ depth: Int) -> Int {
            if depth < 0 { return 0 }  // never true; an endless recursion the compiler can see is a warning
            var frame = (depth, depth, depth, depth)  // a little stack per call, its address taken so it stays
            return withUnsafeMutablePointer(to: &frame) { overflow($0.pointee.0 + 1) } + 1
        }
    #endif

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
        // A dialog the terminal is too small to show waits for a resize, not for the clock.
        if ui.dialog != nil, let settling = ui.dialogGuard, !settling.armed, !settling.hidden {
            let left = (settling.armsAt - uptime).components
            times.append(now.addingTimeInterval(Double(left.seconds) + Double(left.attoseconds) * 1e-18))
        }
        switch snapshot.connection {
        case .offline(let retry?, _) where retry > now:
            // The countdown shows whole seconds.
            times.append(min(retry, now.addingTimeInterval(1)))
        case .stale(let since, _):
            // The age is shown in minutes: wake when the next minute begins.
            let age = snapshot.staleAge(now: now, monotonic: MonotonicSeconds.now()) ?? now.timeIntervalSince(since)
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
