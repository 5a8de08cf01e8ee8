import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Puts the terminal back if the process dies abnormally (a trap in Swift code, a crash), where
/// `endwin` never runs: the tty modes saved before curses started are restored and the escape
/// sequences that leave the alternate screen and show the cursor are written, all with
/// async-signal-safe calls, then the signal is raised again so that it still ends the process.
enum TerminalRestore {
    // Written once before the handlers are installed, then only read, from signal handlers.
    nonisolated(unsafe) static var saved = termios()
    nonisolated(unsafe) static var hasSaved = false

    /// Attributes off, mouse reporting and bracketed paste off, the normal screen back, the
    /// cursor shown. Bracketed paste left on would wrap every later paste into the shell in
    /// `ESC[200~` … `ESC[201~`.
    static let reset: StaticString = "\u{1b}[0m\u{1b}[?1000l\u{1b}[?2004l\u{1b}[?1049l\u{1b}[?25h\r\n"

    static func install() {
        hasSaved = tcgetattr(STDIN_FILENO, &saved) == 0
        // Read once here: the first read of a static may initialize it, which a signal handler must not do.
        _ = reset.utf8CodeUnitCount
        for sig in [SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGABRT] {
            Glibc.signal(sig) { number in
                if TerminalRestore.hasSaved { _ = tcsetattr(STDIN_FILENO, TCSANOW, &TerminalRestore.saved) }
                _ = write(STDOUT_FILENO, TerminalRestore.reset.utf8Start, TerminalRestore.reset.utf8CodeUnitCount)
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
        }
    }
}
