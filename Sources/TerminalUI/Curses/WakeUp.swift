import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A pipe the curses thread sleeps on beside stdin: anyone (another thread, a signal handler)
/// writes a byte to wake it. Signal handlers may only write to a descriptor and set flags, so the
/// descriptor and the flags are process globals.
enum WakeUp {
    // Written once before any handler is installed, then only read: a signal handler cannot take a lock.
    nonisolated(unsafe) static var writeFD: Int32 = -1
    nonisolated(unsafe) static var readFD: Int32 = -1
    // Set by signal handlers, cleared by the curses thread; a lost race costs one extra redraw.
    nonisolated(unsafe) static var resized: sig_atomic_t = 0
    /// The terminating signal received (SIGTERM, SIGINT, SIGHUP), 0 until one is.
    nonisolated(unsafe) static var terminate: sig_atomic_t = 0
    /// SIGTSTP (Ctrl-Z, `kill -TSTP`): the curses thread gives the terminal back and stops.
    nonisolated(unsafe) static var suspend: sig_atomic_t = 0
    /// SIGCONT: the process was stopped and continued; whatever the shell drew must be painted over.
    nonisolated(unsafe) static var continued: sig_atomic_t = 0

    static func open() throws {
        guard readFD < 0 else { return }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TerminalError(message: "cannot create the wake-up pipe: \(String(cString: strerror(errno)))") }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    /// Wakes the curses thread; safe from any thread and from signal handlers.
    static func signal() {
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    static func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readFD, &buffer, buffer.count) > 0 {}
    }

    /// SIGWINCH marks a resize; SIGTERM, SIGINT and SIGHUP ask for a clean exit that restores the
    /// terminal; SIGTSTP asks the curses thread to suspend, SIGCONT to repaint. Each handler only
    /// sets its flag and wakes the curses thread: curses may only be called from there.
    ///
    /// Installed before curses starts: ncurses puts in its own handlers for those still at their
    /// default (its SIGTSTP handler calls curses from whichever thread the signal lands on).
    static func installSignalHandlers() {
        Glibc.signal(SIGWINCH) { _ in
            WakeUp.resized = 1
            WakeUp.signal()
        }
        for sig in [SIGTERM, SIGINT, SIGHUP] {
            Glibc.signal(sig) { number in
                WakeUp.terminate = number
                WakeUp.signal()
            }
        }
        Glibc.signal(SIGTSTP) { _ in
            WakeUp.suspend = 1
            WakeUp.signal()
        }
        Glibc.signal(SIGCONT) { _ in
            WakeUp.continued = 1
            WakeUp.signal()
        }
        // A closed terminal must not kill us mid-write before the terminal is restored.
        Glibc.signal(SIGPIPE, SIG_IGN)
    }
}

public struct TerminalError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
