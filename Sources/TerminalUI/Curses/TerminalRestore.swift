import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Puts the terminal back if the process dies abnormally (a trap in Swift code, a crash, a stack
/// overflow), where `endwin` never runs: the tty modes saved before curses started are restored,
/// the escape sequences that undo every mode curses and we turned on are written, the reason goes
/// to stderr (after the screen is back, so that it stays readable) and to the log, all with
/// async-signal-safe calls, then the signal is raised again so that it still ends the process.
enum TerminalRestore {
    // Written once before the handlers are installed, then only read, from signal handlers.
    nonisolated(unsafe) static var saved = termios()
    nonisolated(unsafe) static var hasSaved = false
    /// The log file's descriptor (its number stays the same across rotations), or -1.
    nonisolated(unsafe) static var logFD: Int32 = -1
    /// Scratch for the log line's time stamp: a handler must not allocate.
    nonisolated(unsafe) static var stamp = UnsafeMutablePointer<UInt8>.allocate(capacity: 24)

    /// Cursor keys back to normal mode and the keypad to numeric (curses sent `smkx`; left on,
    /// the arrows in the shell afterwards send `ESC O A`, which many programs misread).
    static let keypadOff = "\u{1b}[?1l\u{1b}>"
    /// Attributes off, cursor keys and keypad normal, mouse reporting and bracketed paste off, the
    /// normal screen back, the cursor shown. Bracketed paste left on would wrap every later paste
    /// into the shell in `ESC[200~` … `ESC[201~`.
    static let reset: StaticString =
        "\u{1b}[0m\u{1b}[?1l\u{1b}>\u{1b}[?1000l\u{1b}[?1002l\u{1b}[?1003l\u{1b}[?1006l\u{1b}[?2004l\u{1b}[?1049l\u{1b}[?25h\r\n"

    /// Signals that mean a crash.
    static let fatal = [SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGABRT]

    /// Saves the tty modes and installs the crash handler. `logFD` is where the crash is recorded.
    static func install(logFD: Int32?) {
        hasSaved = tcgetattr(STDIN_FILENO, &saved) == 0
        self.logFD = logFD ?? -1
        // Touched once here: the first read of a static may initialize it, which a signal handler must not do.
        _ = reset.utf8CodeUnitCount
        _ = stamp
        for sig in fatal {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in TerminalRestore.crashed(number) }
            sigemptyset(&action.sa_mask)
            // On the alternate stack, so that a stack overflow can still be handled; the handler
            // back to the default on entry, so that raising the signal again ends the process.
            action.sa_flags = Int32(truncatingIfNeeded: Int(SA_ONSTACK) | Int(SA_RESETHAND) | Int(SA_NODEFER))
            sigaction(sig, &action, nil)
        }
    }

    /// Gives the calling thread an alternate signal stack (each thread needs its own): without
    /// one, a stack overflow leaves no stack for the handler and the kernel kills the process
    /// with the terminal still in curses' modes.
    static func prepareAlternateStack() {
        let size = 64 * 1024
        guard let memory = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), memory != MAP_FAILED else {
            return
        }
        var stack = stack_t(ss_sp: memory, ss_flags: 0, ss_size: size)
        if sigaltstack(&stack, nil) != 0 { munmap(memory, size) }
    }

    /// The handler. Async-signal-safe only: tcsetattr, write, clock_gettime, raise; no allocation.
    private static func crashed(_ number: Int32) {
        if hasSaved { _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        put(STDOUT_FILENO, reset)
        let name = signalName(number)
        put(STDERR_FILENO, "proxylite-top: crashed on ")
        put(STDERR_FILENO, name)
        put(STDERR_FILENO, "; the terminal was restored. The log has the time.\n")
        if logFD >= 0 {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            let length = formatStamp(Int64(now.tv_sec), into: stamp)
            _ = write(logFD, stamp, length)
            put(logFD, " critical proxylite-top: crashed on ")
            put(logFD, name)
            put(logFD, "\n")
        }
        raise(number)
    }

    private static func put(_ fd: Int32, _ text: StaticString) {
        _ = write(fd, text.utf8Start, text.utf8CodeUnitCount)
    }

    static func signalName(_ number: Int32) -> StaticString {
        switch number {
        case SIGSEGV: return "SIGSEGV (segmentation fault)"
        case SIGILL: return "SIGILL (illegal instruction: a Swift runtime trap)"
        case SIGTRAP: return "SIGTRAP (a Swift runtime trap)"
        case SIGBUS: return "SIGBUS (bus error)"
        case SIGFPE: return "SIGFPE (arithmetic error)"
        case SIGABRT: return "SIGABRT (abort)"
        default: return "a fatal signal"
        }
    }

    /// `seconds` since 1970 as `2026-11-29T09:55:05Z` (the log's stamps) into `buffer` (≥ 20
    /// bytes), with integer arithmetic only; returns the length. Days to civil date after Howard
    /// Hinnant's `civil_from_days`.
    static func formatStamp(_ seconds: Int64, into buffer: UnsafeMutablePointer<UInt8>) -> Int {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let second = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // Plain calls with the position passed inout: no closure that might capture (and allocate).
        var at = 0
        put(year, 4, buffer, &at)
        put(45, buffer, &at)
        put(month, 2, buffer, &at)
        put(45, buffer, &at)
        put(day, 2, buffer, &at)
        put(84, buffer, &at)
        put(second / 3600, 2, buffer, &at)
        put(58, buffer, &at)
        put(second / 60 % 60, 2, buffer, &at)
        put(58, buffer, &at)
        put(second % 60, 2, buffer, &at)
        put(90, buffer, &at)
        return at
    }

    private static func put(_ value: Int64, _ count: Int, _ buffer: UnsafeMutablePointer<UInt8>, _ at: inout Int) {
        var rest = value
        for i in stride(from: count - 1, through: 0, by: -1) {
            buffer[at + i] = UInt8(48 + rest % 10)
            rest /= 10
        }
        at += count
    }

    private static func put(_ byte: UInt8, _ buffer: UnsafeMutablePointer<UInt8>, _ at: inout Int) {
        buffer[at] = byte
        at += 1
    }
}
